namespace Payments.Client.Tests.Edges;

/// <summary>Every exception's text is true: "nothing was sent" only when nothing was, "could not be reached" only when it was not.</summary>
public class ExceptionTextTests
{
    [Fact]
    public async Task A_circuit_that_opens_after_this_calls_own_attempts_says_they_may_have_reached_the_api()
    {
        // The breaker sits inside the retry: this call's first two attempts open it, the third is refused.
        var api = new TestClient(o =>
        {
            o.Retry.MaxAttempts = 3;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Error(503, "processing_error"));

        CircuitOpenException error = await api.Run(() => Assert.ThrowsAsync<CircuitOpenException>(() => api.Client.ChargeAsync(TestClient.Request("k-open-late"))));

        Assert.Equal(2, api.Attempts.Count);
        Assert.Equal(2, error.Attempts); // the refused third attempt never reached the wire
        Assert.DoesNotContain("nothing was sent", error.Message);
        Assert.Contains("earlier attempts of this call may have reached the API", error.Message);
        Assert.Contains("k-open-late", error.Message);
    }

    [Fact]
    public async Task The_clients_own_throttle_after_an_attempt_says_so_with_status_0_and_no_429()
    {
        var api = new TestClient(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.RateLimit.RequestsPerSecond = 1;
            o.RateLimit.Burst = 1;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.OverallTimeout = TimeSpan.FromMilliseconds(800);
        });
        api.Script(TestClient.ChargeUrl, TestClient.Error(503, "processing_error"), TestClient.Ok());

        RateLimitedException error = await api.Run(() => Assert.ThrowsAsync<RateLimitedException>(() => api.Client.ChargeAsync(TestClient.Request("k-throttle"))));

        Assert.Equal(0, error.StatusCode);
        Assert.Equal(1, error.Attempts); // the throttled second attempt never reached the wire
        Assert.Single(api.Attempts);
        Assert.Contains("client's own rate limit", error.Message);
        Assert.Contains("earlier attempts of this call may have reached the API", error.Message);
        Assert.DoesNotContain("HTTP 429", error.Message);
    }
}
