namespace Payments.Client;

/// <summary>
/// Too many requests. Usually HTTP 429 (<c>rate_limited</c> or <c>rate_limit_exceeded</c>): the client already
/// waited and retried as <c>Retry-After</c> asked, and throws this when attempts ran out or when
/// <see cref="PaymentsException.RetryAfter"/> was longer than the configured maximum delay or the time left in
/// the overall timeout (a value too large to represent is <see cref="TimeSpan.MaxValue"/>). Also thrown, with
/// <see cref="PaymentsException.StatusCode"/> 0 and a message naming the client's own rate limit, when that
/// limit (<see cref="PaymentsClientOptions.RateLimit"/>) would have delayed the next attempt past the overall
/// timeout: then <see cref="PaymentsException.Attempts"/> says whether earlier attempts were sent.
/// </summary>
public sealed class RateLimitedException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public RateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public RateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal RateLimitedException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
