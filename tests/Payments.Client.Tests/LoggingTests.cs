namespace Payments.Client.Tests;

public class LoggingTests
{
    [Fact]
    public async Task Retries_and_failures_are_logged_with_the_idempotency_key_and_request_id_never_the_api_key()
    {
        var api = new TestClient();
        api.Script(
            TestClient.ChargeUrl,
            TestClient.Error(500, "processing_error"),
            TestClient.Error(402, "card_declined", r => r.Headers.Add("Request-Id", "req_log_1")));

        await api.Run(() => Assert.ThrowsAsync<CardDeclinedException>(() => api.Client.ChargeAsync(TestClient.Request("k-log"))));

        Assert.Contains(api.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("retrying", StringComparison.Ordinal) && l.Contains("k-log", StringComparison.Ordinal) && l.Contains("500", StringComparison.Ordinal));
        Assert.Contains(api.Logs.Lines, l => l.Contains("CardDeclinedException", StringComparison.Ordinal) && l.Contains("req_log_1", StringComparison.Ordinal) && l.Contains("k-log", StringComparison.Ordinal));
        Assert.All(api.Logs.Lines, l => Assert.DoesNotContain("sk_test_", l));
    }

    [Fact]
    public async Task A_success_is_logged_at_debug_with_the_charge_id()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Ok("ch_logged"));

        await api.Client.ChargeAsync(TestClient.Request());

        Assert.Contains(api.Logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("ch_logged", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(TestClient.ApiKey, StringComparison.Ordinal));
    }
}
