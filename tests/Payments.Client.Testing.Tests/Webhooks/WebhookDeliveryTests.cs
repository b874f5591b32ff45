namespace Payments.Client.Testing.Tests.Webhooks;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec_test_secret";

    private readonly RecordingEndpoint _merchant = new();
    private WebhookTestHost _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookTestHost.StartAsync(_merchant.App());

    public Task DisposeAsync() => _receiver.DisposeAsync().AsTask();

    [Fact]
    public async Task A_settled_pending_charge_posts_a_signed_charge_succeeded_event()
    {
        await using FakePaymentsApi api = await StartDeliveringAsync(new FakePaymentsApiOptions { PendingDelay = Timeout.InfiniteTimeSpan });
        using var raw = new RawApi(api);
        string chargeId = (await raw.ChargeV1Async("k", paymentMethod: TestPaymentMethods.PendingThenSucceeds)).Json.GetProperty("id").GetString()!;
        Assert.Empty(_merchant.Received);

        await api.SettlePendingAsync();
        await _merchant.WaitForAsync(1, Timeouts.Short);

        ReceivedWebhook hook = Assert.Single(_merchant.Received);
        Assert.Equal(ExpectedSignature(Secret, hook.Body), hook.Signature);
        Assert.StartsWith("application/json", hook.ContentType, StringComparison.Ordinal);
        JsonElement body = JsonDocument.Parse(hook.Body).RootElement;
        Assert.StartsWith("evt_", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("charge.succeeded", body.GetProperty("type").GetString());
        Assert.True(body.GetProperty("created_at").TryGetDateTimeOffset(out _));
        Assert.Equal(chargeId, body.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("succeeded", body.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(TestCustomers.Default, body.GetProperty("data").GetProperty("customer_id").GetString());

        await api.Webhooks.WaitForIdleAsync(Timeouts.Short);
        WebhookDelivery delivery = Assert.Single(api.Webhooks.Deliveries);
        Assert.Equal((WebhookDeliveryState.Delivered, 200), (delivery.State, delivery.Attempts.Single().StatusCode));
        Assert.Equal(Encoding.UTF8.GetString(hook.Body), delivery.Body);
    }

    [Fact]
    public async Task Immediate_outcomes_send_events_too_and_a_decline_is_charge_failed()
    {
        await using FakePaymentsApi api = await StartDeliveringAsync();
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k1");
        await raw.ChargeV1Async("k2", paymentMethod: TestPaymentMethods.ExpiredCard);
        await api.Webhooks.WaitUntilAsync(d => d.Count == 2 && d.All(x => x.State == WebhookDeliveryState.Delivered), Timeouts.Short);

        JsonElement[] events = [.. _merchant.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).OrderBy(e => e.GetProperty("type").GetString(), StringComparer.Ordinal)];
        Assert.Equal(["charge.failed", "charge.succeeded"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("expired_card", events[0].GetProperty("data").GetProperty("failure_reason").GetString());
    }

    [Fact]
    public async Task Immediate_outcomes_can_be_kept_quiet()
    {
        await using FakePaymentsApi api = await StartDeliveringAsync(new FakePaymentsApiOptions { Webhooks = { NotifyImmediateOutcomes = false } });
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k1");
        await raw.ChargeV1Async("k2", paymentMethod: TestPaymentMethods.PendingThenFails);
        await api.SettlePendingAsync();
        await api.Webhooks.WaitForIdleAsync(Timeouts.Short);

        WebhookDelivery delivery = Assert.Single(api.Webhooks.Deliveries);
        Assert.Equal("charge.failed", delivery.EventType);
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_with_exponential_backoff_on_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        _merchant.Respond(500, 503);
        await using FakePaymentsApi api = await StartDeliveringAsync(new FakePaymentsApiOptions { TimeProvider = time });
        using var raw = new RawApi(api);
        DateTimeOffset start = time.GetUtcNow();

        await raw.ChargeV1Async("k");
        await WaitForAttemptsAsync(api, 1);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Single(api.Webhooks.Deliveries[0].Attempts);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForAttemptsAsync(api, 2);
        time.Advance(TimeSpan.FromSeconds(2));
        await api.Webhooks.WaitForIdleAsync(Timeouts.Short);

        WebhookDelivery delivery = Assert.Single(api.Webhooks.Deliveries);
        Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
        Assert.Equal([500, 503, 200], delivery.Attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], delivery.Attempts.Select(a => a.StartedAt - start));
        Assert.Single(_merchant.Received.Select(r => Convert.ToHexString(r.Body)).Distinct());
    }

    [Fact]
    public async Task A_delivery_gives_up_after_five_retries()
    {
        _merchant.Respond(500, 500, 500, 500, 500, 500, 500);
        await using FakePaymentsApi api = await StartDeliveringAsync(new FakePaymentsApiOptions { Webhooks = { InitialRetryDelay = TimeSpan.FromMilliseconds(1) } });
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k");
        await api.Webhooks.WaitUntilAsync(d => d.Count == 1 && d[0].State != WebhookDeliveryState.InProgress, Timeouts.Short);

        WebhookDelivery delivery = api.Webhooks.Deliveries[0];
        Assert.Equal(WebhookDeliveryState.Failed, delivery.State);
        Assert.Equal(6, delivery.Attempts.Count);
        Assert.Equal(6, _merchant.Received.Count);
    }

    [Fact]
    public async Task An_attempt_that_takes_longer_than_10_seconds_times_out_and_is_retried()
    {
        var time = new FakeTimeProvider();
        _merchant.Hang = true;
        await using FakePaymentsApi api = await StartDeliveringAsync(new FakePaymentsApiOptions { TimeProvider = time, Webhooks = { MaxRetries = 1 } });
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k");
        await _merchant.WaitForAsync(1, Timeouts.Short);
        time.Advance(TimeSpan.FromSeconds(10));
        await WaitForAttemptsAsync(api, 1);
        _merchant.Hang = false;
        _merchant.Release();
        time.Advance(TimeSpan.FromSeconds(1));
        await api.Webhooks.WaitForIdleAsync(Timeouts.Short);

        WebhookDelivery delivery = Assert.Single(api.Webhooks.Deliveries);
        Assert.StartsWith("timeout", delivery.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Null(delivery.Attempts[0].StatusCode);
        Assert.Equal((WebhookDeliveryState.Delivered, 200), (delivery.State, delivery.Attempts[1].StatusCode));
    }

    [Fact]
    public async Task A_refused_connection_counts_as_a_failed_attempt()
    {
        Uri closed;
        await using (WebhookTestHost gone = await WebhookTestHost.StartAsync(new RecordingEndpoint().App()))
        {
            closed = gone.Endpoint;
        }

        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { Webhooks = { MaxRetries = 1, InitialRetryDelay = TimeSpan.FromMilliseconds(1) } });
        api.Webhooks.Register(closed, Secret);
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k");
        await api.Webhooks.WaitUntilAsync(d => d.Count == 1 && d[0].State == WebhookDeliveryState.Failed, Timeouts.Short);

        Assert.All(api.Webhooks.Deliveries[0].Attempts, a => Assert.NotNull(a.Error));
    }

    [Fact]
    public async Task DuplicateNextEvents_delivers_the_same_event_twice()
    {
        await using FakePaymentsApi api = await StartDeliveringAsync();
        api.Webhooks.DuplicateNextEvents(1);
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k1");
        await raw.ChargeV1Async("k2");
        await api.Webhooks.WaitUntilAsync(d => d.Count == 3 && d.All(x => x.State == WebhookDeliveryState.Delivered), Timeouts.Short);

        IReadOnlyList<WebhookDelivery> deliveries = api.Webhooks.Deliveries;
        Assert.Equal(2, deliveries.Select(d => d.EventId).Distinct().Count());
        WebhookDelivery[] pair = deliveries.Where(d => d.EventId == deliveries[0].EventId).ToArray();
        Assert.Equal([false, true], pair.Select(d => d.IsDuplicate));
        Assert.Equal(pair[0].Body, pair[1].Body);
        Assert.Equal(3, _merchant.Received.Count);
    }

    [Fact]
    public async Task Every_registered_endpoint_gets_its_own_signature_and_Unregister_stops_it()
    {
        var secondMerchant = new RecordingEndpoint();
        await using WebhookTestHost second = await WebhookTestHost.StartAsync(secondMerchant.App());
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        WebhookSubscription one = api.Webhooks.Register(_receiver.Endpoint, "secret-one");
        api.Webhooks.Register(second.Endpoint, "secret-two");
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k1");
        await api.Webhooks.WaitUntilAsync(d => d.Count == 2 && d.All(x => x.State == WebhookDeliveryState.Delivered), Timeouts.Short);
        Assert.True(api.Webhooks.Unregister(one));
        await raw.ChargeV1Async("k2");
        await api.Webhooks.WaitUntilAsync(d => d.Count == 3 && d.All(x => x.State == WebhookDeliveryState.Delivered), Timeouts.Short);

        ReceivedWebhook atFirst = Assert.Single(_merchant.Received);
        Assert.Equal(ExpectedSignature("secret-one", atFirst.Body), atFirst.Signature);
        Assert.Equal(2, secondMerchant.Received.Count);
        Assert.All(secondMerchant.Received, r => Assert.Equal(ExpectedSignature("secret-two", r.Body), r.Signature));
    }

    private static string ExpectedSignature(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(body));
    }

    /// <summary>A fake that sends its webhooks, signed with <see cref="Secret"/>, to this test's merchant.</summary>
    private async Task<FakePaymentsApi> StartDeliveringAsync(FakePaymentsApiOptions? options = null)
    {
        FakePaymentsApi api = await FakePaymentsApi.StartAsync(options);
        api.Webhooks.Register(_receiver.Endpoint, Secret);
        return api;
    }

    private static Task WaitForAttemptsAsync(FakePaymentsApi api, int count) =>
        api.Webhooks.WaitUntilAsync(d => d.Count == 1 && d[0].Attempts.Count >= count, Timeouts.Short);
}
