namespace Payments.Client;

/// <summary>
/// The client stopped sending because too many recent attempts failed (see
/// <see cref="PaymentsClientOptions.CircuitBreaker"/>). Nothing was sent for this call, so nothing was
/// charged; <see cref="PaymentsException.RetryAfter"/> says when the client will try again.
/// <see cref="PaymentsException.StatusCode"/> is 0.
/// </summary>
public sealed class CircuitOpenException : PaymentsException
{
    /// <summary>Creates the error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public CircuitOpenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public CircuitOpenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal CircuitOpenException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException, facts)
    {
    }
}
