namespace Payments.Client;

/// <summary>HTTP 5xx: the API failed (<c>processing_error</c>). 500, 502, 503 and 504 were retried with the same idempotency key until attempts ran out (or until a <c>Retry-After</c> asked for longer than the client waits); other 5xx are not retried. Retrying later with <see cref="PaymentsException.IdempotencyKey"/> is safe. The status decides even when the body was over the 1 MiB limit.</summary>
public sealed class ServerErrorException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public ServerErrorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public ServerErrorException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ServerErrorException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
