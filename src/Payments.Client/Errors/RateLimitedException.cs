namespace Payments.Client;

/// <summary>HTTP 429: too many requests (<c>rate_limited</c> or <c>rate_limit_exceeded</c>). The client already waited and retried as <c>Retry-After</c> asked; it throws this when attempts ran out or when <see cref="PaymentsException.RetryAfter"/> was longer than the configured maximum delay or the time left in the overall timeout.</summary>
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
