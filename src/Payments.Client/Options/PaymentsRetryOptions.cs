namespace Payments.Client;

/// <summary>
/// How the client retries. Only what the contract lists is retried: 429 (after <c>Retry-After</c>),
/// 500, 502, 503, 504, network failures and attempt timeouts; always with the call's one idempotency key.
/// </summary>
public sealed class PaymentsRetryOptions
{
    /// <summary>Attempts per call, the first included (1 disables retries). Default 4. At most 10.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff; it doubles per retry, with jitter. Default 0.5 seconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest wait between attempts. Default 30 seconds. Backoff is capped at it; a
    /// <c>Retry-After</c> longer than it (a value too large for any integer type included) is not waited out:
    /// the call fails fast with <see cref="RateLimitedException"/> carrying the value.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
