namespace Payments.Client;

/// <summary>No complete response arrived in time: the last attempt exceeded the per-attempt timeout (or <see cref="HttpClient.Timeout"/>), or the call exceeded the overall timeout; the message names which. The charge may or may not have happened: retry with <see cref="PaymentsException.IdempotencyKey"/>. Never thrown for a cancellation the caller asked for (that is a <see cref="PaymentsCanceledException"/>).</summary>
public sealed class RequestTimeoutException : ConnectionFailedException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public RequestTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public RequestTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal RequestTimeoutException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
