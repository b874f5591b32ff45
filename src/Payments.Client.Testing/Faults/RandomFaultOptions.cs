namespace Payments.Client.Testing;

/// <summary>
/// Random faults for chaos tests: each request that no queued fault claims draws one fault from these
/// rates (their sum at most 1) with a seeded generator, so a failing run can be replayed with its seed.
/// </summary>
public sealed class RandomFaultOptions
{
    /// <summary>The generator's seed.</summary>
    public int Seed { get; set; }

    /// <summary>Share of requests answered 500, 502, 503 or 504 (picked at random) without processing.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Share of requests answered 429 without processing.</summary>
    public double RateLimitRate { get; set; }

    /// <summary>The <c>Retry-After</c> of random 429s. Default 0 seconds.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Share of random 429s whose <c>Retry-After</c> is an HTTP-date (the fake's now plus <see cref="RetryAfter"/>,
    /// rounded up to the next whole second, since HTTP-dates have none) instead of delta-seconds. Default 0.
    /// </summary>
    public double RetryAfterAsDateShare { get; set; }

    /// <summary>Share of requests whose connection is dropped before processing.</summary>
    public double DropRate { get; set; }

    /// <summary>Share of requests processed (a charge is recorded) and then answered 500.</summary>
    public double ChargeThenFailRate { get; set; }

    /// <summary>Share of requests processed (a charge is recorded) and then dropped.</summary>
    public double ChargeThenDropRate { get; set; }

    /// <summary>Share of requests processed at once whose response is then held back for <see cref="SlowDelay"/> (a slow response).</summary>
    public double SlowRate { get; set; }

    /// <summary>How long a slow response is held, on the fake's clock. Default 2 seconds.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(2);
}
