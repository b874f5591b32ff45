namespace Payments.Client.Testing.Tests.Docs;

/// <summary>
/// The code of docs/articles/testing.md, section by section, so the document's examples always compile and pass.
/// Change both together.
/// </summary>
public sealed class TestingDocExamples
{
    private static readonly ChargeRequest request = new()
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = TestCustomers.Default,
        PaymentMethodId = TestPaymentMethods.Succeeds,
    };

    [Fact]
    public async Task Start_the_fake_in_a_test()
    {
        // docs/articles/testing.md: "Start the fake in a test"
        #region start
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        var client = new PaymentsClient(
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
            new PaymentsClientOptions { BaseAddress = api.BaseAddress, ApiKey = api.ApiKey });

        ChargeResult result = await client.ChargeAsync(new ChargeRequest
        {
            Amount = 2500,
            Currency = "usd",
            CustomerId = TestCustomers.Default,
            PaymentMethodId = TestPaymentMethods.Succeeds,
        });

        Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
        Assert.Single(api.Charges);
        #endregion
    }

    [Fact]
    public async Task With_dependency_injection()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        var services = new ServiceCollection();

        // docs/articles/testing.md: "With dependency injection"
        #region with-di
        services.AddPaymentsClient(options =>
        {
            options.BaseAddress = api.BaseAddress;
            options.ApiKey = api.ApiKey;
        });
        #endregion

        await using ServiceProvider provider = services.BuildServiceProvider();
        ChargeResult result = await provider.GetRequiredService<IPaymentsClient>().ChargeAsync(request);
        Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
    }

    [Fact]
    public async Task Test_payment_methods()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        PaymentsClient client = Clients.For(api);

        // docs/articles/testing.md: "Test customers and payment methods"
        #region decline
        CardDeclinedException declined = await Assert.ThrowsAsync<CardDeclinedException>(
            () => client.ChargeAsync(request with { PaymentMethodId = TestPaymentMethods.InsufficientFunds }));
        Assert.Equal(FailureReason.InsufficientFunds, declined.FailureReason);
        #endregion

        #region own-test-data
        api.AddCustomer("cus_42");
        api.AddPaymentMethod("cus_42", "pm_42_visa", PaymentMethodBehavior.Succeeds);
        api.AddPaymentMethod("cus_42", "pm_42_expired", PaymentMethodBehavior.Declines("expired_card"));
        api.AddPaymentMethod("cus_42", "pm_42_slow", PaymentMethodBehavior.PendingThenFails("insufficient_funds"));
        #endregion

        ChargeResult own = await client.ChargeAsync(request with { CustomerId = "cus_42", PaymentMethodId = "pm_42_visa" });
        Assert.Equal(ChargeStatus.Succeeded, own.Charge.Status);
    }

    [Fact]
    public async Task Fault_injection()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        var client = new PaymentsClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new PaymentsClientOptions
        {
            BaseAddress = api.BaseAddress,
            ApiKey = api.ApiKey,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(10) },
        });

        // docs/articles/testing.md: "Fault injection"
        #region faults
        api.Faults
            .FailNext(2, 503)          // two 503 processing_error, nothing charged
            .ChargeThenDrop();         // then charge, and drop the connection instead of answering

        ChargeResult result = await client.ChargeAsync(request);

        Assert.Equal(4, result.Attempts);
        Assert.Single(api.Charges);    // the retry after the drop got the stored charge back
        Assert.All(api.Requests, r => Assert.Equal(result.IdempotencyKey, r.IdempotencyKey));
        #endregion
    }

    [Fact]
    public async Task Rate_limits_and_chaos()
    {
        // docs/articles/testing.md: "Rate limits and chaos"
        #region chaos
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions
        {
            RateLimit = { Enabled = false },
        });

        api.Faults.RateLimitNext(TimeSpan.Zero);                          // 429, Retry-After: 0
        api.Faults.RateLimitNext(DateTimeOffset.UtcNow.AddSeconds(-1));   // 429, Retry-After: <HTTP-date>
        api.Faults.UseRandom(new RandomFaultOptions
        {
            Seed = 42,
            ServerErrorRate = 0.1,
            DropRate = 0.05,
            ChargeThenDropRate = 0.05,
        });
        #endregion

        ChargeResult result = await Clients.For(api, maxAttempts: 10).ChargeAsync(request);
        Assert.True(result.Attempts >= 3);
        Assert.Single(api.Charges);
    }

    [Fact]
    public async Task Time_control()
    {
        // docs/articles/testing.md: "Time control"
        #region time
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions
        {
            TimeProvider = time,
            PendingDelay = TimeSpan.FromSeconds(5),
        });
        var client = new PaymentsClient(
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
            new PaymentsClientOptions { BaseAddress = api.BaseAddress, ApiKey = api.ApiKey });

        ChargeResult pending = await client.ChargeAsync(request with { PaymentMethodId = TestPaymentMethods.PendingThenSucceeds });
        Assert.Equal(ChargeStatus.Pending, pending.Charge.Status);

        time.Advance(TimeSpan.FromSeconds(5));   // the charge settles, and its webhook event is sent

        Charge settled = (await client.GetChargeAsync(pending.Charge.Id)).Charge;
        Assert.Equal(ChargeStatus.Succeeded, settled.Status);
        #endregion
    }

    [Fact]
    public async Task Webhooks()
    {
        await using WebhookTestHost receiver = await WebhookTestHost.StartAsync(new RecordingEndpoint().App());
        Uri receiverUrl = receiver.Endpoint;
        CancellationToken cancellationToken = Timeouts.Short;
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { PendingDelay = Timeout.InfiniteTimeSpan });
        PaymentsClient client = Clients.For(api);
        await client.ChargeAsync(request with { PaymentMethodId = TestPaymentMethods.PendingThenFails });

        // docs/articles/testing.md: "Webhooks"
        #region webhooks
        api.Webhooks.Register(receiverUrl, "whsec_test");
        api.Webhooks.DuplicateNextEvents(1);           // at-least-once: the next event arrives twice

        await api.SettlePendingAsync();                // or advance the fake clock past PendingDelay
        await api.Webhooks.WaitUntilAsync(
            deliveries => deliveries.Count == 2 && deliveries.All(d => d.State == WebhookDeliveryState.Delivered),
            cancellationToken);

        WebhookDelivery delivery = api.Webhooks.Deliveries[0];
        Assert.Equal("charge.failed", delivery.EventType);
        Assert.Equal(WebhookSigner.Sign(delivery.Body, "whsec_test"), delivery.Signature);
        #endregion
    }

    [Fact]
    public void Sign_your_own_bodies()
    {
        string body = """{"id":"evt_1","type":"charge.succeeded","created_at":"2026-01-01T00:00:00Z","data":{"id":"ch_1","status":"succeeded","amount":2500,"currency":"usd"}}""";

        // docs/articles/testing.md: "Testing your own app"
        #region sign
        var post = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payments") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        post.Headers.Add(WebhookSigner.HeaderName, WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), "whsec_test"));
        #endregion

        PaymentsEvent parsed = new PaymentsWebhookReceiver(["whsec_test"]).VerifyAndParse(Encoding.UTF8.GetBytes(body), post.Headers.GetValues(WebhookSigner.HeaderName).Single());
        Assert.Equal("evt_1", parsed.Id);
        post.Dispose();
    }
}
