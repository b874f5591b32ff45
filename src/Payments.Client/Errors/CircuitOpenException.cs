namespace Payments.Client;

/// <summary>
/// The client stopped sending because too many recent attempts failed (see
/// <see cref="PaymentsClientOptions.CircuitBreaker"/>); <see cref="PaymentsException.RetryAfter"/> says when
/// the client will try again, and <see cref="PaymentsException.StatusCode"/> is 0. The breaker sits inside the
/// retry, so it can open during a call: when <see cref="PaymentsException.Attempts"/> is 0 nothing was sent
/// for this call; when it is above 0, earlier attempts of this call may have reached the API, and the
/// charge may exist: retry only with <see cref="PaymentsException.IdempotencyKey"/>, or reconcile.
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
