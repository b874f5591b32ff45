namespace Payments.Client;

/// <summary>
/// The Payments API. Implemented by <see cref="PaymentsClient"/>; depend on this interface so your
/// own tests can substitute a fake (or use the Payments.Client.Testing fake API).
/// </summary>
public interface IPaymentsClient
{
    /// <summary>
    /// Charges a customer (<c>POST payments/charge</c>). Retries what the contract allows, always with the
    /// same idempotency key, so the customer is charged at most once however many attempts it takes.
    /// </summary>
    /// <param name="request">What to charge. <see cref="ChargeRequest.Amount"/> is in minor units.</param>
    /// <param name="cancellationToken">Stops the call at once, including any wait between attempts.</param>
    /// <returns>
    /// The charge, the idempotency key it was made with, the API's request id, the number of attempts, and whether the
    /// API replayed the response it stored for the key (<see cref="ChargeResult.Replayed"/>). A pending charge was accepted, not completed.
    /// </returns>
    /// <exception cref="ArgumentException">The request is incomplete or its idempotency key is unusable; nothing was sent.</exception>
    /// <exception cref="PaymentsException">The API refused the charge or could not be reached; a subclass says which. It carries the idempotency key.</exception>
    /// <exception cref="PaymentsCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/>); it carries the idempotency key and whether an attempt may have reached the API.</exception>
    Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a charge by id (<c>GET payments/charges/{id}</c>), for reconciliation and pending charges.</summary>
    /// <param name="chargeId">The charge id (<c>ch_...</c>).</param>
    /// <param name="cancellationToken">Stops the call at once.</param>
    /// <returns>
    /// The charge as the API holds it now (<see cref="ChargeResult.Charge"/>), with the API's request id and the number of
    /// attempts; <see cref="ChargeResult.IdempotencyKey"/> is null (reads carry none) and <see cref="ChargeResult.Replayed"/> false.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="chargeId"/> is null, blank, <c>.</c> or <c>..</c>; nothing was sent. Any other id is escaped into one path segment.</exception>
    /// <exception cref="NotFoundException">No charge has that id.</exception>
    /// <exception cref="PaymentsException">Any other failure; a subclass says which.</exception>
    /// <exception cref="PaymentsCanceledException"><paramref name="cancellationToken"/> was cancelled (an <see cref="OperationCanceledException"/>).</exception>
    Task<ChargeResult> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default);
}
