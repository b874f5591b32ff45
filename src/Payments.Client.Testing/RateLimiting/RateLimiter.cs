namespace Payments.Client.Testing.RateLimiting;

/// <summary>
/// Two buckets model "25/s, bursts of 50/s for 10 s": a peak bucket (50 tokens, 50/s) caps any one
/// instant, and a sustained bucket (25/s) holds the reserve that a 10 s burst draws down:
/// (50 - 25) x 10 = 250 tokens. A request needs a token from both.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object _gate = new();
    private readonly TokenBucket? _peak;
    private readonly TokenBucket? _sustained;

    public RateLimiter(RateLimitOptions options, TimeProvider time)
    {
        if (!options.Enabled)
        {
            return;
        }

        if (options.RequestsPerSecond <= 0 || options.BurstRequestsPerSecond < options.RequestsPerSecond || options.BurstDuration < TimeSpan.Zero)
        {
            throw new ArgumentException("RateLimit needs RequestsPerSecond > 0, BurstRequestsPerSecond >= RequestsPerSecond and a non-negative BurstDuration.", nameof(options));
        }

        _peak = new TokenBucket(options.BurstRequestsPerSecond, options.BurstRequestsPerSecond, time);
        double reserve = (options.BurstRequestsPerSecond - options.RequestsPerSecond) * options.BurstDuration.TotalSeconds;
        _sustained = new TokenBucket(Math.Max(reserve, options.BurstRequestsPerSecond), options.RequestsPerSecond, time);
    }

    /// <summary>Takes a token, or says how long to wait (whole seconds, at least 1, as <c>Retry-After</c> carries).</summary>
    public bool TryAcquire(out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (_peak is null || _sustained is null)
        {
            return true;
        }

        lock (_gate)
        {
            _peak.Refill();
            _sustained.Refill();
            if (_peak.HasToken && _sustained.HasToken)
            {
                _peak.Take();
                _sustained.Take();
                return true;
            }

            TimeSpan wait = _peak.UntilNextToken() > _sustained.UntilNextToken() ? _peak.UntilNextToken() : _sustained.UntilNextToken();
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return false;
        }
    }
}
