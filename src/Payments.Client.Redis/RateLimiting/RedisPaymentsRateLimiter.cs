using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Payments.Client.Redis;

/// <summary>
/// The client rate limit shared by every process using one API key: one token bucket per key fingerprint on Redis,
/// taken from by an atomic script on the server's clock. The client keeps its own pacing, deadline and cancellation
/// rules; this only answers how long until the next token.
/// </summary>
/// <remarks>
/// Redis down, hung or slow: every call is bounded by <see cref="RedisRateLimitOptions.CommandTimeout"/>, after which
/// the attempt paces by the client's in-process limit, and Redis is asked again after
/// <see cref="RedisRateLimitOptions.RetryInterval"/> (one probe at a time). One warning is logged when an outage
/// begins and one information line when it ends, never one per call.
/// </remarks>
public sealed class RedisPaymentsRateLimiter : IPaymentsRateLimiter
{
    private const int Take = -1;
    private const int GiveBack = 1;
    private readonly RedisConnection _redis;
    private readonly string _prefix;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _retryInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _unavailable;
    private long _nextProbe;

    /// <summary>Creates the limiter on a connection you own.</summary>
    /// <param name="redis">The connection; the limiter does not dispose it.</param>
    /// <param name="options">Key prefix, command timeout, retry interval; defaults when <see langword="null"/>.</param>
    /// <param name="time">The clock for the retry interval and command timeouts; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where the start and end of an outage are logged.</param>
    public RedisPaymentsRateLimiter(IConnectionMultiplexer redis, RedisRateLimitOptions? options = null, TimeProvider? time = null, ILogger<RedisPaymentsRateLimiter>? logger = null)
        : this(new RedisConnection(redis ?? throw new ArgumentNullException(nameof(redis))), options, time, logger)
    {
    }

    /// <summary>On a connection this package opened, possibly still connecting.</summary>
    internal RedisPaymentsRateLimiter(RedisConnection redis, RedisRateLimitOptions? options, TimeProvider? time, ILogger<RedisPaymentsRateLimiter>? logger)
    {
        options ??= new RedisRateLimitOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CommandTimeout, TimeSpan.FromMilliseconds(1), nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryInterval, TimeSpan.Zero, nameof(options));
        _redis = redis;
        _prefix = options.KeyPrefix ?? string.Empty;
        _timeout = options.CommandTimeout;
        _retryInterval = options.RetryInterval;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public async ValueTask<TimeSpan?> ReserveAsync(PaymentsRateLimitBucket bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (!ShouldAsk())
        {
            return null;
        }

        try
        {
            long micros = (long)await EvaluateAsync(bucket, Take, cancellationToken).ConfigureAwait(false);
            Recovered();
            return TimeSpan.FromTicks(micros * (TimeSpan.TicksPerMillisecond / 1000));
        }
        catch (Exception ex) when (IsUnavailable(ex, cancellationToken))
        {
            Failed(ex);
            return null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask ReturnAsync(PaymentsRateLimitBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        try
        {
            await EvaluateAsync(bucket, GiveBack, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex, CancellationToken.None))
        {
            // A token not given back only makes the shared budget a little stricter for a moment.
            Failed(ex);
        }
    }

    private static bool IsUnavailable(Exception ex, CancellationToken cancellationToken) =>
        (ex is RedisException or TimeoutException or RedisUnavailableException) && !cancellationToken.IsCancellationRequested;

    /// <summary>Healthy: always ask. In an outage: only the one caller that claims the next probe slot asks.</summary>
    private bool ShouldAsk()
    {
        if (Volatile.Read(ref _unavailable) == 0)
        {
            return true;
        }

        long due = Volatile.Read(ref _nextProbe);
        long now = _time.GetTimestamp();
        return now >= due && Interlocked.CompareExchange(ref _nextProbe, now + RetryTicks(), due) == due;
    }

    private void Failed(Exception ex)
    {
        Volatile.Write(ref _nextProbe, _time.GetTimestamp() + RetryTicks());
        if (Interlocked.Exchange(ref _unavailable, 1) == 0)
        {
            Log.RateLimitUnavailable(_logger, _retryInterval.TotalSeconds, ex is RedisUnavailableException ? null : ex);
        }
    }

    private void Recovered()
    {
        if (Volatile.Read(ref _unavailable) == 1 && Interlocked.Exchange(ref _unavailable, 0) == 1)
        {
            Log.RateLimitRestored(_logger);
        }
    }

    private long RetryTicks() => (long)(_retryInterval.TotalSeconds * _time.TimestampFrequency);

    private Task<RedisResult> EvaluateAsync(PaymentsRateLimitBucket bucket, int delta, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [new RedisKey(_prefix + bucket.Id)];
        RedisValue[] args = [bucket.RequestsPerSecond, bucket.Burst, delta];
        return _redis.RunAsync(db => db.ScriptEvaluateAsync(TokenBucketScript.Source, keys, args), _timeout, _time, cancellationToken);
    }
}
