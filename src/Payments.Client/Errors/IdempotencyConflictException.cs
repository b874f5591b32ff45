namespace Payments.Client;

/// <summary>HTTP 409: the idempotency key was already used with different parameters (<c>idempotency_conflict</c> or <c>duplicate_idempotency_key</c>). Not retried: use a new key for a new charge, or the same parameters to replay the original.</summary>
public sealed class IdempotencyConflictException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public IdempotencyConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public IdempotencyConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal IdempotencyConflictException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
