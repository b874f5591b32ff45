namespace Payments.Client.Redis;

/// <summary>Settings of <see cref="RedisPaymentsRateLimiter"/>.</summary>
public sealed class RedisRateLimitOptions
{
    /// <summary>Prefix of the bucket keys (one per API key fingerprint, never the key). Default <c>payments:ratelimit:</c>.</summary>
    public string KeyPrefix { get; set; } = "payments:ratelimit:";

    /// <summary>
    /// The longest one Redis call may take before the attempt paces by the in-process limit instead. Short, because
    /// every attempt asks before it is sent; long enough that a busy Redis or host does not trip the fallback (which lets
    /// every instance send at the full rate). Default 2 seconds.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After Redis failed to answer, how long attempts pace by the in-process limit before Redis is asked again. Default 1 second.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
}
