namespace Payments.Client.Tests;

/// <summary>
/// The client with a shared limiter (what <c>UseRedisRateLimit</c> plugs in): the call keeps the in-process limiter's
/// deadline and cancellation behaviour, and a fallback does not add a fresh burst on top of the shared budget.
/// </summary>
public class SharedRateLimitTests
{
    [Fact]
    public async Task A_refused_call_fails_at_once_even_while_the_shared_give_back_hangs()
    {
        var shared = new ScriptedLimiter(_ => TimeSpan.FromSeconds(10)) { ReturnHangs = true };
        var api = new TestClient(o =>
        {
            o.OverallTimeout = TimeSpan.FromSeconds(2);
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.RateLimit.SharedLimiter = shared;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        // The clock never moves: the refusal and its give-back happen at the start of the call.
        RateLimitedException refused = await Assert.ThrowsAsync<RateLimitedException>(
            () => Eventually.Within(api.Client.ChargeAsync(TestClient.Request("shared-refused")), "the refused call to end while the give-back hangs"));

        Assert.Equal(0, refused.StatusCode);
        Assert.Equal(1, shared.Returns);
        Assert.Equal(0, api.AttemptCount);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once_even_while_the_shared_give_back_hangs()
    {
        var shared = new ScriptedLimiter(_ => TimeSpan.FromSeconds(1)) { ReturnHangs = true };
        var api = new TestClient(o => o.RateLimit.SharedLimiter = shared);
        api.Script(TestClient.ChargeUrl, TestClient.Ok());
        using var cts = new CancellationTokenSource();

        Task<ChargeResult> call = api.Client.ChargeAsync(TestClient.Request("shared-cancelled"), cts.Token);
        await Eventually.WaitUntilAsync(() => shared.Reserves == 1, "the call to reserve its shared token");
        await api.Time.WaitForWaitsAsync(1, "the call to wait for its shared token");
        cts.Cancel();

        await Assert.ThrowsAsync<PaymentsCanceledException>(() => Eventually.Within(call, "the cancelled call to end while the give-back hangs"));
        Assert.Equal(1, shared.Returns);
        Assert.Equal(0, api.AttemptCount);
    }

    [Fact]
    public async Task When_the_shared_limiter_stops_answering_the_fallback_starts_from_what_this_process_sent()
    {
        // Rate 1/s, burst 2: the shared limiter grants two tokens at once, then cannot be reached.
        var shared = new ScriptedLimiter(n => n <= 2 ? TimeSpan.Zero : null);
        var api = new TestClient(o =>
        {
            o.RateLimit.RequestsPerSecond = 1;
            o.RateLimit.Burst = 2;
            o.RateLimit.SharedLimiter = shared;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        await Eventually.Within(Task.WhenAll(api.Client.ChargeAsync(TestClient.Request("s-1")), api.Client.ChargeAsync(TestClient.Request("s-2"))), "the two shared tokens to be used");
        Task<ChargeResult> fallback = api.Client.ChargeAsync(TestClient.Request("s-3"));
        await Eventually.WaitUntilAsync(() => shared.Reserves == 3, "the third call to ask the shared limiter");
        await api.Time.WaitForWaitsAsync(1, "the fallback call to wait for its in-process token");

        // The in-process bucket already gave its burst to the two shared calls: the fallback waits for a refill.
        Assert.Equal(2, api.AttemptCount);
        api.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.Within(fallback, "the fallback call to be sent once its in-process token is due");
        Assert.Equal(3, api.AttemptCount);
    }

    /// <summary>Answers each reservation from a script (by its 1-based number); can hang every give-back.</summary>
    private sealed class ScriptedLimiter(Func<int, TimeSpan?> answer) : IPaymentsRateLimiter
    {
        private int _reserves;
        private int _returns;

        public bool ReturnHangs { get; init; }

        public int Reserves => Volatile.Read(ref _reserves);

        public int Returns => Volatile.Read(ref _returns);

        public ValueTask<TimeSpan?> ReserveAsync(PaymentsRateLimitBucket bucket, CancellationToken cancellationToken) =>
            new(answer(Interlocked.Increment(ref _reserves)));

        public ValueTask ReturnAsync(PaymentsRateLimitBucket bucket)
        {
            Interlocked.Increment(ref _returns);
            return ReturnHangs ? new ValueTask(new TaskCompletionSource().Task) : default;
        }
    }
}
