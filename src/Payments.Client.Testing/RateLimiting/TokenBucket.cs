namespace Payments.Client.Testing.RateLimiting;

/// <summary>A token bucket on a <see cref="TimeProvider"/>'s timestamps. Not thread-safe: the limiter locks.</summary>
internal sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(double capacity, double perSecond, TimeProvider time)
    {
        _capacity = Math.Max(1, capacity);
        _perSecond = perSecond;
        _time = time;
        _tokens = _capacity;
        _last = time.GetTimestamp();
    }

    public void Refill()
    {
        long now = _time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _perSecond));
        _last = now;
    }

    public bool HasToken => _tokens >= 1;

    public void Take() => _tokens -= 1;

    /// <summary>How long until one token is there.</summary>
    public TimeSpan UntilNextToken() => HasToken ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
}
