namespace Payments.Client.Tests;

public class CircuitBreakerTests
{
    private static TestClient Create() => new(o =>
    {
        o.Retry.MaxAttempts = 1;
        o.CircuitBreaker.MinimumThroughput = 4;
        o.CircuitBreaker.FailureRatio = 0.5;
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
        o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
    });

    [Fact]
    public async Task A_failing_api_opens_the_circuit_and_calls_fail_fast_without_sending()
    {
        TestClient api = Create();
        api.Script(TestClient.ChargeUrl, TestClient.Error(503, "processing_error"));
        for (int i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request()));
        }

        CircuitOpenException error = await Assert.ThrowsAsync<CircuitOpenException>(() => api.Client.ChargeAsync(TestClient.Request("k-open")));

        Assert.Equal(4, api.Attempts.Count);
        Assert.Equal("k-open", error.IdempotencyKey);
        Assert.Contains("nothing was sent for this call", error.Message);
        Assert.Equal((0, 0), (error.StatusCode, error.Attempts));
        Assert.NotNull(error.RetryAfter);
        Assert.Contains(api.Logs.Lines, l => l.Contains("circuit opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_circuit_closes_again_after_a_successful_trial()
    {
        TestClient api = Create();
        api.Script(TestClient.ChargeUrl, TestClient.Error(500, "processing_error"), TestClient.Error(500, "processing_error"), TestClient.Error(500, "processing_error"), TestClient.Error(500, "processing_error"), TestClient.Ok());
        for (int i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request()));
        }

        await Assert.ThrowsAsync<CircuitOpenException>(() => api.Client.ChargeAsync(TestClient.Request()));
        api.Time.Advance(TimeSpan.FromSeconds(6));
        ChargeResult trial = await api.Client.ChargeAsync(TestClient.Request());
        ChargeResult after = await api.Client.ChargeAsync(TestClient.Request());

        Assert.Equal(ChargeStatus.Succeeded, trial.Charge.Status);
        Assert.Equal(ChargeStatus.Succeeded, after.Charge.Status);
        Assert.Equal(6, api.Attempts.Count);
    }

    [Fact]
    public async Task Client_errors_never_open_the_circuit()
    {
        TestClient api = Create();
        api.Script(TestClient.ChargeUrl, TestClient.Error(402, "card_declined"));

        for (int i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<CardDeclinedException>(() => api.Client.ChargeAsync(TestClient.Request()));
        }

        Assert.Equal(10, api.Attempts.Count);
    }
}
