namespace Payments.Client;

/// <summary>HTTP 400: the request was invalid (<c>invalid_amount</c>, <c>invalid_currency</c>, <c>payment_method_mismatch</c>). Fix the request; retrying will not help. See <see cref="PaymentsException.Param"/>.</summary>
public sealed class InvalidRequestException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public InvalidRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public InvalidRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal InvalidRequestException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
