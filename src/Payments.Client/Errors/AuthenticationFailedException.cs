namespace Payments.Client;

/// <summary>HTTP 401: the API key is missing, expired or invalid (<c>authentication_failed</c> or <c>unauthorized</c>). Not retried. The key itself never appears in the message.</summary>
public sealed class AuthenticationFailedException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public AuthenticationFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public AuthenticationFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal AuthenticationFailedException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
