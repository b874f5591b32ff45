namespace Payments.Client.Tests.Edges;

/// <summary>Attempts count what was handed to the transport; a timeout message names the timeout that fired.</summary>
public class AttemptsAndTimeoutsTests
{
    [Fact]
    public async Task The_overall_timeout_firing_a_hair_before_its_deadline_is_still_named_the_overall_timeout()
    {
        var api = new TestClient(
            o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(3);
                o.OverallTimeout = TimeSpan.FromSeconds(5);
                o.Retry.MaxAttempts = 2;
                o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            },
            new TestClock { FireEarlyBy = TimeSpan.FromMilliseconds(1) });
        api.Script(TestClient.ChargeUrl, TestClient.Hang());
        TestClock time = api.Time;
        PaymentsClient client = api.Client;
        DateTimeOffset start = time.GetUtcNow();

        Task<PaymentsException> call = ErrorMappingTests.Catch(client.ChargeAsync(TestClient.Request("k-deadline")));
        await api.WaitForAttemptsAsync(1);
        Assert.Equal(TimeSpan.FromSeconds(3) - time.FireEarlyBy, time.AdvanceToNextTimer()); // the first attempt times out
        await time.WaitForWaitsAsync(1, "the backoff before the second attempt");
        Assert.Equal(TimeSpan.FromMilliseconds(10) - time.FireEarlyBy, time.AdvanceToNextTimer());
        await api.WaitForAttemptsAsync(2);

        // Stop half a millisecond short of the deadline: the overall timer (1 ms early) fires, the deadline has not passed.
        time.Advance(start + TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(5_000) - time.GetUtcNow());
        PaymentsException error = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsType<RequestTimeoutException>(error);
        Assert.Contains("overall timeout of 5 s", error.Message);
        Assert.DoesNotContain("attempt timeout", error.Message);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task An_attempt_timeout_is_named_with_its_own_value()
    {
        var api = new TestClient(o =>
        {
            o.Retry.MaxAttempts = 1;
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.OverallTimeout = TimeSpan.FromSeconds(60);
        });
        api.Script(TestClient.ChargeUrl, TestClient.Hang());

        RequestTimeoutException error = await api.Run(() => Assert.ThrowsAsync<RequestTimeoutException>(() => api.Client.ChargeAsync(TestClient.Request())));

        Assert.Contains("attempt timeout of 2 s", error.Message);
        Assert.DoesNotContain("overall", error.Message);
    }

    [Fact]
    public async Task Equal_attempt_and_overall_timeouts_name_the_overall_one_the_call_is_over()
    {
        var api = new TestClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.OverallTimeout = TimeSpan.FromSeconds(2);
        });
        api.Script(TestClient.ChargeUrl, TestClient.Hang());

        RequestTimeoutException error = await api.Run(() => Assert.ThrowsAsync<RequestTimeoutException>(() => api.Client.ChargeAsync(TestClient.Request())));

        Assert.Contains("overall timeout of 2 s", error.Message);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task A_result_counts_only_attempts_that_reached_the_transport()
    {
        var api = new TestClient(o =>
        {
            o.RateLimit.RequestsPerSecond = 1;
            o.RateLimit.Burst = 1;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Error(500, "processing_error"), TestClient.Ok());

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(2, result.Attempts); // the retry waited for a token; the wait is not an attempt
        Assert.Equal(2, api.Attempts.Count);
    }
}
