namespace Payments.Client.Tests;

/// <summary>The client's own rate limit: spreads a burst out instead of walking into 429s.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task Calls_beyond_the_burst_wait_for_their_token_in_order()
    {
        var api = new TestClient(o =>
        {
            o.RateLimit.RequestsPerSecond = 2;
            o.RateLimit.Burst = 2;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Ok());
        DateTimeOffset start = api.Time.GetUtcNow();

        Task<ChargeResult>[] calls = Enumerable.Range(0, 6).Select(_ => api.Client.ChargeAsync(TestClient.Request())).ToArray();
        Task<ChargeResult[]> all = Task.WhenAll(calls);
        await api.WaitForAttemptsAsync(2);
        await api.Time.WaitForWaitsAsync(4, "the four calls past the burst to wait for their tokens");
        Assert.Equal(2, api.AttemptCount); // the burst went at once; the rest wait for tokens, the clock has not moved
        Assert.Equal([0.5, 1.0, 1.5, 2.0], api.Time.PendingWaits.Select(w => w.TotalSeconds));
        await api.Run(() => all, calls);

        TimeSpan[] sentAt = api.Attempts.Select(a => a.At - start).Order().ToArray();
        Assert.Equal(6, sentAt.Length);
        Assert.Equal(TimeSpan.Zero, sentAt[1]);
        for (int i = 2; i < sentAt.Length; i++)
        {
            // Exactly at its token: time moves only to the next armed timer.
            Assert.Equal(TimeSpan.FromSeconds((i - 1) * 0.5), sentAt[i]);
        }
    }

    [Fact]
    public async Task A_test_key_gets_a_burst_of_40_at_once_a_little_under_the_documented_50()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        Task<ChargeResult[]> all = Task.WhenAll(Enumerable.Range(0, 60).Select(_ => api.Client.ChargeAsync(TestClient.Request())));
        await api.WaitForAttemptsAsync(40);
        await api.Time.WaitForWaitsAsync(20, "the 20 calls past the burst to wait for their tokens");
        Assert.Equal(40, api.AttemptCount); // the burst (80% of the documented 50), and no more until the clock moves
        api.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Within(all, "the 20 calls past the burst to be sent once their tokens are due");
        Assert.Equal(60, api.Attempts.Count);
    }

    [Fact]
    public async Task A_wait_past_the_overall_timeout_fails_fast_without_sending()
    {
        var api = new TestClient(o =>
        {
            o.RateLimit.RequestsPerSecond = 1;
            o.RateLimit.Burst = 1;
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.OverallTimeout = TimeSpan.FromSeconds(2);
        });
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        Task<ChargeResult>[] calls = Enumerable.Range(0, 4).Select(i => api.Client.ChargeAsync(TestClient.Request($"rl-{i}"))).ToArray();
        Exception? thrown = await api.Run(() => Record.ExceptionAsync(() => Task.WhenAll(calls)), calls);

        Assert.IsType<RateLimitedException>(thrown);
        RateLimitedException[] throttled = calls.Where(c => c.IsFaulted).Select(c => Assert.IsType<RateLimitedException>(c.Exception!.InnerException)).ToArray();
        Assert.Equal(2, throttled.Length);
        Assert.All(throttled, e => Assert.Equal(0, e.StatusCode));
        Assert.All(throttled, e => Assert.True(e.RetryAfter >= TimeSpan.FromSeconds(2)));
        Assert.Equal(2, api.Attempts.Count);
    }

    [Fact]
    public async Task Disabled_means_no_client_side_waiting()
    {
        var api = new TestClient(o => o.RateLimit.Enabled = false);
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        await Eventually.Within(Task.WhenAll(Enumerable.Range(0, 80).Select(_ => api.Client.ChargeAsync(TestClient.Request()))), "80 calls with no client-side rate limit");

        Assert.Equal(80, api.Attempts.Count);
    }
}
