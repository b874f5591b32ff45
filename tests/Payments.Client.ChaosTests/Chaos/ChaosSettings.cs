namespace Payments.Client.ChaosTests.Chaos;

/// <summary>One chaos run: how many logical charges, the seed of the fault plan, and how many calls at once.</summary>
public sealed record ChaosSettings(int Count, int Seed, int Concurrency = 32)
{
    /// <summary>Slack on "no call outlives the overall timeout": scheduling on 2 busy cores, not the client's budget.</summary>
    public static readonly TimeSpan HangSlack = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Every fault the issue names, about 35% of attempts. 429s are rare and short (1 s, half as an HTTP-date
    /// rounded up to 2 s at most) so the fast run stays under a minute; slow responses outlast the 1 s attempt timeout.
    /// </summary>
    public RandomFaultOptions Faults() => new()
    {
        Seed = Seed,
        ServerErrorRate = 0.12,
        RateLimitRate = 0.03,
        RetryAfter = TimeSpan.FromSeconds(1),
        RetryAfterAsDateShare = 0.5,
        DropRate = 0.06,
        ChargeThenFailRate = 0.06,
        ChargeThenDropRate = 0.06,
        SlowRate = 0.02,
        SlowDelay = TimeSpan.FromMilliseconds(1500),
    };

    /// <summary>The client as a merchant would run it, with short timeouts so a run takes seconds.</summary>
    public PaymentsClientOptions ClientOptions(FakePaymentsApi api) => TestClientOptions.For(
        api.BaseAddress,
        api.ApiKey,
        maxAttempts: 10,
        baseDelay: TimeSpan.FromMilliseconds(20),
        maxDelay: TimeSpan.FromSeconds(3),
        attemptTimeout: TimeSpan.FromSeconds(1),
        overallTimeout: TimeSpan.FromSeconds(15),

        // The client's own limiter would hold a test key to 25 req/s (2000 charges = 2 minutes): it is about
        // pacing, which its own tests cover, not about exactly-once. Off here so the faults are what we measure.
        rateLimit: false,

        // A third of attempts fail by design, so the breaker would rightly open and fail calls fast with
        // CircuitOpenException (typed, nothing sent). That hides the retry paths this run exists to exercise.
        circuitBreaker: false);
}
