namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "Cancellation keeps the key", so the merchant's retry reuses it and cannot charge twice.</summary>
public class CancellationKeepsTheKeyTests
{
    [Fact]
    public async Task Cancelled_while_an_attempt_is_in_flight_the_exception_carries_the_generated_key_and_says_it_may_have_reached_the_api()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Hang());
        using var cts = new CancellationTokenSource();

        Task<ChargeResult> call = api.Client.ChargeAsync(TestClient.Request(idempotencyKey: null), cts.Token);
        await api.WaitForAttemptsAsync(1);
        await cts.CancelAsync();

        PaymentsCanceledException error = await Assert.ThrowsAsync<PaymentsCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        string key = Assert.Single(api.Attempts).IdempotencyKey!;
        Assert.Equal(key, error.IdempotencyKey);
        Assert.True(error.MayHaveReachedApi);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Contains(key, error.Message);
        Assert.Single(api.Logs.Lines, l => l.Contains("cancelled", StringComparison.Ordinal) && l.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelled_before_any_attempt_nothing_is_sent_and_the_exception_says_so()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Ok());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        PaymentsCanceledException error = await Assert.ThrowsAsync<PaymentsCanceledException>(() => api.Client.ChargeAsync(TestClient.Request("k-early"), cts.Token));

        Assert.Empty(api.Attempts);
        Assert.False(error.MayHaveReachedApi);
        Assert.Equal(0, error.Attempts);
        Assert.Equal("k-early", error.IdempotencyKey);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Contains("before anything was sent", error.Message);
    }

    [Fact]
    public async Task Cancelled_during_the_wait_after_a_first_attempt_it_may_have_reached_the_api()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(503, "processing_error", r => r.Headers.Add("Retry-After", "10")), TestClient.Ok());
        using var cts = new CancellationTokenSource();

        Task<ChargeResult> call = api.Client.ChargeAsync(TestClient.Request(), cts.Token);
        await api.Time.WaitForWaitsAsync(1, "the client waits out Retry-After");
        Assert.Equal([TimeSpan.FromSeconds(10)], api.Time.PendingWaits);
        Assert.Contains(api.Logs.Lines, l => l.Contains("retrying in", StringComparison.Ordinal));
        await cts.CancelAsync();

        PaymentsCanceledException error = await Assert.ThrowsAsync<PaymentsCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(api.Attempts);
        Assert.True(error.MayHaveReachedApi);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(api.Attempts[0].IdempotencyKey, error.IdempotencyKey);
        Assert.Contains("retry only with idempotency key", error.Message);
    }

    [Fact]
    public async Task A_cancelled_read_carries_no_key_and_is_still_the_typed_cancellation()
    {
        var api = new TestClient();
        api.Script("https://api.example.com/v1/payments/charges/ch_1", TestClient.Json(HttpStatusCode.OK, "{}"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        PaymentsCanceledException error = await Assert.ThrowsAsync<PaymentsCanceledException>(() => api.Client.GetChargeAsync("ch_1", cts.Token));

        Assert.Null(error.IdempotencyKey);
        Assert.False(error.MayHaveReachedApi);
    }
}
