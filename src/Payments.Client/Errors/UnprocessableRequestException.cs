namespace Payments.Client;

/// <summary>HTTP 422: the request was understood but cannot be processed, for example <c>currency_not_supported</c> for the payment method. Not retried.</summary>
public sealed class UnprocessableRequestException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public UnprocessableRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public UnprocessableRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal UnprocessableRequestException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
