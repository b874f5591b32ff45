namespace Payments.Client;

/// <summary>No response arrived in time: the last attempt exceeded the per-attempt timeout, or the call exceeded the overall timeout. Never thrown for a cancellation the caller asked for (that is an <see cref="OperationCanceledException"/>).</summary>
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
