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

    /// <summary>Share of requests whose connection is dropped before processing.</summary>
    public double DropRate { get; set; }

    /// <summary>Share of requests processed (a charge is recorded) and then answered 500.</summary>
    public double ChargeThenFailRate { get; set; }

    /// <summary>Share of requests processed (a charge is recorded) and then dropped.</summary>
    public double ChargeThenDropRate { get; set; }
}
