namespace Payments.Client;

/// <summary>
/// The client's own rate limit, so a busy merchant queues briefly instead of walking into 429s. By default
/// it paces a little under the documented limit of the key's mode (90% of the rate, 80% of the burst):
/// <c>sk_test_</c> 22.5 requests/s, bursts up to 40 (documented 25/s, 50); <c>sk_live_</c> 90 requests/s,
/// bursts up to 120 (documented 100/s, 150). The margin absorbs requests that reach the server bunched
/// (a first burst delayed by new connections, later ones on warm connections catching up), so a fresh
/// client does not meet 429s. Shared by every call of one client registration.
/// </summary>
public sealed class PaymentsRateLimitOptions
{
    /// <summary>Whether the client limits its own rate. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second; 0 (default) means 90% of the documented rate of the key's mode. A value you set is used as is.</summary>
    public int RequestsPerSecond { get; set; }

    /// <summary>How many requests may go at once after a quiet spell; 0 (default) means 80% of the documented burst of the key's mode. A value you set is used as is.</summary>
    public int Burst { get; set; }

    /// <summary>
    /// A limit shared with the other processes that use the same key, asked before every attempt at the same rate
    /// and burst; while it cannot answer, the client paces by its in-process limit. Set by <c>UseSharedRateLimiter</c>
    /// (or <c>UseRedisRateLimit</c>). A field, not a property: the configuration binding generator refuses
    /// interface-typed properties, and configuration cannot carry a limiter anyway.
    /// </summary>
    internal IPaymentsRateLimiter? SharedLimiter;
}
