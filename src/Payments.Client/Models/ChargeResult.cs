namespace Payments.Client;

/// <summary>
/// The outcome of <see cref="IPaymentsClient.ChargeAsync"/> and <see cref="IPaymentsClient.GetChargeAsync"/>:
/// the charge and how the API delivered it (request id, attempts, whether the answer was a replay).
/// </summary>
public sealed record ChargeResult
{
    /// <summary>Creates a result. Public so tests of code that uses <see cref="IPaymentsClient"/> can build one.</summary>
    /// <param name="charge">The charge the API returned.</param>
    /// <param name="idempotencyKey">The key every attempt of a charge carried; null for <see cref="IPaymentsClient.GetChargeAsync"/> (reads carry none).</param>
    /// <param name="requestId">The API's request id of the final attempt, if it sent one.</param>
    /// <param name="attempts">How many HTTP attempts the call made (1 when no retry was needed).</param>
    /// <exception cref="ArgumentException"><paramref name="idempotencyKey"/> is empty (pass null for a read).</exception>
    public ChargeResult(Charge charge, string? idempotencyKey, string? requestId, int attempts)
    {
        ArgumentNullException.ThrowIfNull(charge);
        if (idempotencyKey is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        }

        Charge = charge;
        IdempotencyKey = idempotencyKey;
        RequestId = requestId;
        Attempts = attempts;
    }

    /// <summary>The charge. A <see cref="ChargeStatus.Pending"/> charge was accepted, not completed.</summary>
    public Charge Charge { get; }

    /// <summary>
    /// The key every attempt of a charge carried; send it again to retry safely. Null for
    /// <see cref="IPaymentsClient.GetChargeAsync"/> (reads carry none), as on <see cref="PaymentsException.IdempotencyKey"/>.
    /// </summary>
    public string? IdempotencyKey { get; }

    /// <summary>The API's request id (from <c>Request-Id</c> or <c>X-Request-Id</c>) for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>How many HTTP attempts the call made.</summary>
    public int Attempts { get; }

    /// <summary>
    /// True when the API answered with the response it stored for this idempotency key (<c>Idempotent-Replayed: true</c>):
    /// an earlier request with the key (this call's lost attempt, or another call) already made the charge, and
    /// nothing new happened now. False for a fresh answer and for reads.
    /// </summary>
    public bool Replayed { get; init; }
}
