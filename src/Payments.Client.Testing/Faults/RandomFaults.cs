namespace Payments.Client.Testing.Faults;

/// <summary>Draws a fault or none per request from <see cref="RandomFaultOptions"/>. Thread-safe.</summary>
internal sealed class RandomFaults
{
    private static ReadOnlySpan<int> ServerErrors => [500, 502, 503, 504];
    private readonly Random _random;
    private readonly RandomFaultOptions _options;

    public RandomFaults(RandomFaultOptions options)
    {
        double[] rates = [options.ServerErrorRate, options.RateLimitRate, options.DropRate, options.ChargeThenFailRate, options.ChargeThenDropRate];
        if (rates.Any(r => r < 0 || r > 1 || double.IsNaN(r)) || rates.Sum() > 1 + 1e-9 || options.RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("Random fault rates must each be between 0 and 1 and add up to at most 1; RetryAfter must not be negative.", nameof(options));
        }

        // Copied, so a test changing its options object later does not change a running chaos test.
        _options = new RandomFaultOptions
        {
            Seed = options.Seed,
            ServerErrorRate = options.ServerErrorRate,
            RateLimitRate = options.RateLimitRate,
            RetryAfter = options.RetryAfter,
            DropRate = options.DropRate,
            ChargeThenFailRate = options.ChargeThenFailRate,
            ChargeThenDropRate = options.ChargeThenDropRate,
        };
        _random = new Random(options.Seed);
    }

    public Fault? Next()
    {
        double draw;
        int pick;
        lock (_random)
        {
            draw = _random.NextDouble();
            pick = _random.Next(ServerErrors.Length);
        }

        if ((draw -= _options.ServerErrorRate) < 0)
        {
            return new Fault(FaultKind.Fail) { Status = ServerErrors[pick] };
        }

        if ((draw -= _options.RateLimitRate) < 0)
        {
            return new Fault(FaultKind.RateLimit) { Status = 429, RetryAfter = FaultInjector.Seconds(_options.RetryAfter) };
        }

        if ((draw -= _options.DropRate) < 0)
        {
            return new Fault(FaultKind.Drop);
        }

        if ((draw -= _options.ChargeThenFailRate) < 0)
        {
            return new Fault(FaultKind.ProcessThenFail);
        }

        return (draw -= _options.ChargeThenDropRate) < 0 ? new Fault(FaultKind.ProcessThenDrop) : null;
    }
}
