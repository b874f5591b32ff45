namespace Payments.Client.Contract;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/> that hands out reservations: a caller learns at once how
/// long to wait for its token, so waits are first come, first served without a queue or a timer (nothing to
/// dispose). The client paces its calls with one; the fake enforces the contract's limits with two.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly double _capacity;
    private readonly object _gate = new();
    private double _tokens;
    private long _updated;

    public TokenBucket(TimeProvider time, double perSecond, double capacity)
    {
        _time = time;
        _perSecond = perSecond;
        _capacity = Math.Max(1, capacity);
        _tokens = _capacity;
        _updated = time.GetTimestamp();
    }

    /// <summary>Takes a token, possibly one that only exists in the future; returns how long until it does.</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_updated, now).TotalSeconds * _perSecond));
            _updated = now;
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _perSecond);
        }
    }

    /// <summary>Gives back a reservation whose caller will not send after all.</summary>
    public void Return()
    {
        lock (_gate)
        {
            _tokens = Math.Min(_capacity, _tokens + 1);
        }
    }
}
