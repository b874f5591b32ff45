namespace Payments.Client;

/// <summary>
/// The client's own rate limit, so a busy merchant queues briefly instead of walking into 429s. By default
/// it follows the documented limit of the key's mode: <c>sk_test_</c> 25 requests/s (bursts up to 50),
/// <c>sk_live_</c> 100 requests/s (bursts up to 150). Shared by every call of one client registration.
/// </summary>
public sealed class PaymentsRateLimitOptions
{
    /// <summary>Whether the client limits its own rate. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second; 0 (default) means the documented limit of the key's mode.</summary>
    public int RequestsPerSecond { get; set; }

    /// <summary>How many requests may go at once after a quiet spell; 0 (default) means the documented burst of the key's mode.</summary>
    public int Burst { get; set; }

    /// <summary>
    /// A limit shared with the other processes that use the same key, asked before every attempt at the same rate
    /// and burst; while it cannot answer, the client paces by its in-process limit. Set by <c>UseSharedRateLimiter</c>
    /// (or <c>UseRedisRateLimit</c>). A field, not a property: the configuration binding generator refuses
    /// interface-typed properties, and configuration cannot carry a limiter anyway.
    /// </summary>
    internal IPaymentsRateLimiter? SharedLimiter;
}
