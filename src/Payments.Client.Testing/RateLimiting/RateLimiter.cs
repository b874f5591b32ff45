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

        _peak = new TokenBucket(time, options.BurstRequestsPerSecond, options.BurstRequestsPerSecond);
        double reserve = (options.BurstRequestsPerSecond - options.RequestsPerSecond) * options.BurstDuration.TotalSeconds;
        _sustained = new TokenBucket(time, options.RequestsPerSecond, Math.Max(reserve, options.BurstRequestsPerSecond));
    }

    /// <summary>Takes a token, or says how long to wait (whole seconds, at least 1, as <c>Retry-After</c> carries).</summary>
    public bool TryAcquire(out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (_peak is null || _sustained is null)
        {
            return true;
        }

        // Both buckets or neither: a refused request gives back the token it reserved, so refusals cost nothing.
        lock (_gate)
        {
            TimeSpan peakWait = _peak.Reserve();
            TimeSpan sustainedWait = _sustained.Reserve();
            if (peakWait == TimeSpan.Zero && sustainedWait == TimeSpan.Zero)
            {
                return true;
            }

            _peak.Return();
            _sustained.Return();
            TimeSpan wait = peakWait > sustainedWait ? peakWait : sustainedWait;
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return false;
        }
    }
}
