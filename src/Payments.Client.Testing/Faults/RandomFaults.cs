namespace Payments.Client.Testing.Faults;

/// <summary>Draws a fault or none per request from <see cref="RandomFaultOptions"/>. Thread-safe.</summary>
internal sealed class RandomFaults
{
    private static ReadOnlySpan<int> ServerErrors => [500, 502, 503, 504];
    private readonly Random _random;
    private readonly RandomFaultOptions _options;

    public RandomFaults(RandomFaultOptions options)
    {
        double[] rates = [options.ServerErrorRate, options.RateLimitRate, options.DropRate, options.ChargeThenFailRate, options.ChargeThenDropRate, options.SlowRate];
        if (rates.Any(r => r < 0 || r > 1 || double.IsNaN(r)) || rates.Sum() > 1 + 1e-9 || options.RetryAfter < TimeSpan.Zero ||
            options.SlowDelay < TimeSpan.Zero || options.RetryAfterAsDateShare is < 0 or > 1 || double.IsNaN(options.RetryAfterAsDateShare))
        {
            throw new ArgumentException("Random fault rates must each be between 0 and 1 and add up to at most 1; RetryAfterAsDateShare must be between 0 and 1; RetryAfter and SlowDelay must not be negative.", nameof(options));
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
            RetryAfterAsDateShare = options.RetryAfterAsDateShare,
            SlowRate = options.SlowRate,
            SlowDelay = options.SlowDelay,
        };
        _random = new Random(options.Seed);
    }

    /// <param name="now">The fake's clock, for a <c>Retry-After</c> sent as an HTTP-date.</param>
    public Fault? Next(DateTimeOffset now)
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
            // Where the draw fell inside the 429 band is itself uniform: it picks seconds or a date without a
            // further draw, so seeds chosen before dates existed replay the same sequence.
            bool asDate = -draw / _options.RateLimitRate <= _options.RetryAfterAsDateShare;
            return new Fault(FaultKind.RateLimit) { Status = 429, RetryAfter = asDate ? FaultInjector.HttpDate(now, _options.RetryAfter) : FaultInjector.Seconds(_options.RetryAfter) };
        }

        if ((draw -= _options.DropRate) < 0)
        {
            return new Fault(FaultKind.Drop);
        }

        if ((draw -= _options.ChargeThenFailRate) < 0)
        {
            return new Fault(FaultKind.ProcessThenFail);
        }

        if ((draw -= _options.ChargeThenDropRate) < 0)
        {
            return new Fault(FaultKind.ProcessThenDrop);
        }

        return (draw -= _options.SlowRate) < 0 ? new Fault(FaultKind.Delay) { Delay = _options.SlowDelay } : null;
    }
}
