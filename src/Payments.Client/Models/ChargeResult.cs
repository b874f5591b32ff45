namespace Payments.Client;

/// <summary>The outcome of <see cref="IPaymentsClient.ChargeAsync"/>: the charge and how it was obtained.</summary>
public sealed record ChargeResult
{
    /// <summary>Creates a result. Public so tests of code that uses <see cref="IPaymentsClient"/> can build one.</summary>
    /// <param name="charge">The charge the API returned.</param>
    /// <param name="idempotencyKey">The key every attempt of the call carried.</param>
    /// <param name="requestId">The API's request id of the final attempt, if it sent one.</param>
    /// <param name="attempts">How many HTTP attempts the call made (1 when no retry was needed).</param>
    public ChargeResult(Charge charge, string idempotencyKey, string? requestId, int attempts)
    {
        ArgumentNullException.ThrowIfNull(charge);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        Charge = charge;
        IdempotencyKey = idempotencyKey;
        RequestId = requestId;
        Attempts = attempts;
    }

    /// <summary>The charge. A <see cref="ChargeStatus.Pending"/> charge was accepted, not completed.</summary>
    public Charge Charge { get; }

    /// <summary>The idempotency key every attempt carried; send it again to retry safely.</summary>
    public string IdempotencyKey { get; }

    /// <summary>The API's request id (from <c>Request-Id</c> or <c>X-Request-Id</c>) for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>How many HTTP attempts the call made.</summary>
    public int Attempts { get; }
}
