namespace Payments.Client;

/// <summary>No complete response arrived: the connection failed, was reset, or was cut while the body was being read, or the last attempt timed out (see <see cref="RequestTimeoutException"/>). The charge may or may not have happened; retry with <see cref="PaymentsException.IdempotencyKey"/>, or reconcile with <see cref="IPaymentsClient.GetChargeAsync"/>. <see cref="PaymentsException.StatusCode"/> is 0.</summary>
public class ConnectionFailedException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public ConnectionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public ConnectionFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ConnectionFailedException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
