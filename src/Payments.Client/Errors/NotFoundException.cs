namespace Payments.Client;

/// <summary>HTTP 404: the customer or payment method does not exist (<c>customer_not_found</c>, <c>payment_method_not_found</c>), or no charge has the requested id. Not retried.</summary>
public sealed class NotFoundException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public NotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public NotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal NotFoundException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
