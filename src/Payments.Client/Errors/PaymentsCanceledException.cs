namespace Payments.Client;

/// <summary>
/// The caller cancelled the call. An <see cref="OperationCanceledException"/>, so existing handlers still
/// catch it, that keeps what a safe retry needs: the <see cref="IdempotencyKey"/> every attempt carried and
/// whether any attempt may have reached the API. When <see cref="MayHaveReachedApi"/> is true the charge
/// may exist: retry with the same key (the API replays the first answer instead of charging twice) or
/// reconcile with <see cref="IPaymentsClient.GetChargeAsync"/>. When it is false nothing was sent.
/// </summary>
public sealed class PaymentsCanceledException : OperationCanceledException
{
    /// <summary>Creates the error with a message, its cause and the token that was cancelled.</summary>
    /// <param name="message">What happened, for humans.</param>
    /// <param name="innerException">The cancellation as the pipeline or transport saw it.</param>
    /// <param name="token">The caller's cancelled token.</param>
    public PaymentsCanceledException(string message, Exception? innerException, CancellationToken token)
        : base(message, innerException, token)
    {
    }

    /// <summary>The idempotency key every attempt of the call carried (<see langword="null"/> for reads).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>How many attempts were handed to the transport before the cancellation.</summary>
    public int Attempts { get; init; }

    /// <summary>
    /// Whether any attempt was handed to the transport, so the API may have acted on it (true once the first
    /// attempt was sent, including when the cancellation came during a wait between attempts). False means
    /// nothing was sent for this call.
    /// </summary>
    public bool MayHaveReachedApi { get; init; }
}
