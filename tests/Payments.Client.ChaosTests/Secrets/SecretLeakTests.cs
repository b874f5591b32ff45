using Payments.Client.ChaosTests.Webhooks;

namespace Payments.Client.ChaosTests.Secrets;

/// <summary>
/// A full run against the fake (success, every error kind, webhooks received and rejected) with every log
/// line captured at Debug and every exception's ToString() kept: neither the API key (nor a wrong one tried),
/// nor a webhook secret, appears anywhere.
/// </summary>
public sealed class SecretLeakTests
{
    // Distinctive values, so a leak of even the part after the prefix is found.
    private const string ApiKey = "sk_test_Leakcheck4f9a2b7c1d8e";
    private const string WrongKey = "sk_test_Wrongkey0b1c2d3e4f5a";
    private const string PreviousWebhookSecret = "whsec_previous_Leakcheck77aa";

    [Fact]
    public async Task No_log_line_exception_text_or_options_description_contains_a_secret()
    {
        var logs = new LogCapture();
        var texts = new List<string>();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions
        {
            ApiKey = ApiKey,
            RateLimit = { Enabled = false },
            Webhooks = { InitialRetryDelay = TimeSpan.FromMilliseconds(50) },
        });
        var handlers = new HandlerLog();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(handlers.ReadmeApp([Signing.Secret, PreviousWebhookSecret], logs));
        api.Webhooks.Register(host.Endpoint, Signing.Secret);

        PaymentsClientOptions options = Options(api.BaseAddress, ApiKey);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PaymentsClient(http, options, loggerFactory: logs);
        var wrongKeyClient = new PaymentsClient(http, Options(api.BaseAddress, WrongKey), loggerFactory: logs);
        var deadClient = new PaymentsClient(http, Options(new Uri("http://127.0.0.1:9/v1/"), ApiKey), loggerFactory: logs);

        // Only the timeout case runs with a short attempt timeout: a cold first charge on a loaded machine can take seconds.
        var impatientClient = new PaymentsClient(http, Options(api.BaseAddress, ApiKey, TimeSpan.FromMilliseconds(300)), loggerFactory: logs);
        ChargeRequest good = new() { Amount = 2500, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds };

        ChargeResult charged = await client.ChargeAsync(good);
        texts.Add(charged.ToString());
        texts.Add((await client.GetChargeAsync(charged.Charge.Id)).ToString());
        texts.Add((await client.GetChargeAsync(charged.Charge.Id)).Charge.ToString());
        var errors = new List<PaymentsException>
        {
            await Fails(client.ChargeAsync(good with { PaymentMethodId = TestPaymentMethods.Declined })),
            await Fails(client.ChargeAsync(good with { Amount = 10 })),
            await Fails(wrongKeyClient.ChargeAsync(good)),
            await Fails(client.ChargeAsync(good with { CustomerId = "cus_missing" })),
            await Fails(client.GetChargeAsync("ch_missing")),
            await Fails(client.ChargeAsync(good with { IdempotencyKey = charged.IdempotencyKey, Amount = 9999 })),
            await Fails(client.ChargeAsync(good with { Currency = "xau" })),
        };
        api.Faults.RateLimitNext(TimeSpan.FromSeconds(60));
        errors.Add(await Fails(client.ChargeAsync(good)));
        api.Faults.FailNext(options.Retry.MaxAttempts, 503);
        errors.Add(await Fails(client.ChargeAsync(good)));
        api.Faults.DropNext(options.Retry.MaxAttempts);
        errors.Add(await Fails(client.ChargeAsync(good)));
        errors.Add(await Fails(deadClient.ChargeAsync(good)));
        api.Faults.DelayNext(TimeSpan.FromSeconds(2), options.Retry.MaxAttempts);
        errors.Add(await Fails(impatientClient.ChargeAsync(good)));

        Assert.Equal(
            ["AuthenticationFailedException", "CardDeclinedException", "ConnectionFailedException", "IdempotencyConflictException", "InvalidRequestException",
             "NotFoundException", "RateLimitedException", "RequestTimeoutException", "ServerErrorException", "UnprocessableRequestException"],
            errors.Select(e => e.GetType().Name).Distinct().Order(StringComparer.Ordinal));
        texts.AddRange(errors.Select(e => e.ToString()));

        // Webhooks: the fake's events for the charges above, handled; then rejected ones by hand.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await api.Webhooks.WaitUntilAsync(d => d.Count >= 2 && d.All(x => x.State == Payments.Client.Testing.WebhookDeliveryState.Delivered), cts.Token);
        Assert.NotEmpty(handlers.RunsPerEvent);
        byte[] body = Deliveries.Event("evt_rejected", "charge.succeeded", "ch_x", DateTimeOffset.UnixEpoch);
        Assert.Equal(401, await Deliveries.PostAsync(http, host.Endpoint, body, "sha256=" + new string('0', 64)));
        Assert.Equal(401, await Deliveries.PostAsync(http, host.Endpoint, body, null));
        Assert.Equal(400, await Deliveries.PostAsync(http, host.Endpoint, body, "sha1=" + Signing.Secret));
        byte[] notAnEvent = Encoding.UTF8.GetBytes("{\"secret\":");
        Assert.Equal(400, await Deliveries.PostAsync(http, host.Endpoint, notAnEvent, Signing.Sign(notAnEvent)));
        var verifier = new WebhookSignatureVerifier([Signing.Secret, PreviousWebhookSecret]);
        texts.Add(Assert.Throws<WebhookVerificationException>(() => verifier.Verify(body, "sha256=zz")).ToString());
        texts.Add(Assert.Throws<WebhookVerificationException>(() => new PaymentsWebhookReceiver([Signing.Secret]).VerifyAndParse(notAnEvent, Signing.Sign(notAnEvent))).ToString());

        texts.Add(options.ToString());
        texts.Add(new PaymentsWebhooksOptions { Secrets = [Signing.Secret, PreviousWebhookSecret] }.ToString());
        texts.Add(verifier.ToString() ?? string.Empty);

        string everything = string.Join('\n', logs.Lines.Concat(texts));
        Assert.True(logs.Lines.Count > 20, $"only {logs.Lines.Count} log lines: the capture is not wired");
        Assert.Contains("webhook", everything, StringComparison.OrdinalIgnoreCase);
        foreach (string secret in new[] { ApiKey, WrongKey, Signing.Secret, PreviousWebhookSecret })
        {
            // The whole value and its part after the prefix (a log that strips "sk_test_" still leaks).
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[(secret.IndexOf('_', 3) + 1)..], everything, StringComparison.Ordinal);
        }
    }

    private static PaymentsClientOptions Options(Uri baseAddress, string apiKey, TimeSpan? attemptTimeout = null) => TestClientOptions.For(
        baseAddress, apiKey, maxAttempts: 2, baseDelay: TimeSpan.FromMilliseconds(10), maxDelay: TimeSpan.FromSeconds(1),
        attemptTimeout: attemptTimeout ?? TimeSpan.FromSeconds(15), overallTimeout: TimeSpan.FromSeconds(30), rateLimit: false);

    private static async Task<PaymentsException> Fails(Task task) => await Assert.ThrowsAnyAsync<PaymentsException>(() => task);
}
