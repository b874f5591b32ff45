namespace Payments.Client.Tests;

public class WaitForCompletionTests
{
    private const string Url = "https://api.example.com/v1/payments/charges/ch_p";

    [Fact]
    public async Task Polls_with_backoff_until_the_charge_is_terminal()
    {
        var api = new TestClient();
        api.Script(Url, TestClient.Ok("ch_p", "pending"), TestClient.Ok("ch_p", "pending"), TestClient.Ok("ch_p", "pending"), TestClient.Ok("ch_p", "succeeded"));

        Charge charge = await api.Run(() => api.Client.WaitForCompletionAsync("ch_p", TimeSpan.FromMinutes(1)));

        Assert.Equal(ChargeStatus.Succeeded, charge.Status);
        Assert.Equal(4, api.Attempts.Count);
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], api.Gaps);
    }

    [Fact]
    public async Task Returns_the_still_pending_charge_when_the_timeout_passes()
    {
        var api = new TestClient();
        api.Script(Url, TestClient.Ok("ch_p", "pending"));
        DateTimeOffset start = api.Time.GetUtcNow();

        Charge charge = await api.Run(() => api.Client.WaitForCompletionAsync("ch_p", TimeSpan.FromSeconds(5)));

        Assert.Equal(ChargeStatus.Pending, charge.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), api.Time.GetUtcNow() - start);
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1.5)], api.Gaps); // the last pause is what was left
    }

    [Fact]
    public async Task A_failed_charge_is_terminal_too()
    {
        var api = new TestClient();
        api.Script(Url, TestClient.Json(HttpStatusCode.OK, """{ "id": "ch_p", "status": "failed", "failure_reason": "insufficient_funds" }"""));

        Charge charge = await api.Client.WaitForCompletionAsync("ch_p", TimeSpan.FromSeconds(5));

        Assert.Equal(FailureReason.InsufficientFunds, charge.FailureReason);
        Assert.Single(api.Attempts);
    }

    [Fact]
    public async Task Bad_arguments_are_refused()
    {
        var api = new TestClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.Client.WaitForCompletionAsync("ch_p", TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentException>(() => api.Client.WaitForCompletionAsync("", TimeSpan.FromSeconds(1)));
    }
}
