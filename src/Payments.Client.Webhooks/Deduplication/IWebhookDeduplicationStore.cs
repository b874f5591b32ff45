namespace Payments.Client.Webhooks;

/// <summary>
/// Remembers which event ids were handled, so an at-least-once delivery runs handlers once, across every
/// instance that shares the store. The ASP.NET Core endpoint keeps ids in memory by default (one process);
/// <c>Payments.Client.Redis</c> shares them between instances; any host (a worker, a function) can use a store
/// directly: claim, run the handlers, then complete (or abandon when they fail).
/// </summary>
/// <remarks>
/// Implementations must make <see cref="TryClaimAsync"/> atomic (of two concurrent calls for one id, only one
/// is <see cref="DeduplicationStatus.Claimed"/>), must let a claim that is never settled lapse (a crashed
/// handler), and must settle a claim only while it is still the caller's (<see cref="DeduplicationClaim.OwnerToken"/>).
/// <see cref="TryClaimAsync"/> throws when the store cannot answer: the caller must then not run handlers
/// (the endpoint answers 503 with <c>Retry-After</c>, so the sender delivers again).
/// </remarks>
public interface IWebhookDeduplicationStore
{
    /// <summary>Claims <paramref name="eventId"/> for handling, or says why not.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A claim whose <see cref="DeduplicationClaim.Status"/> is <see cref="DeduplicationStatus.Claimed"/> when the caller now holds it.</returns>
    ValueTask<DeduplicationClaim> TryClaimAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Marks a held claim as handled, remembered for <paramref name="window"/>.</summary>
    /// <param name="claim">A claim from <see cref="TryClaimAsync"/> with status <see cref="DeduplicationStatus.Claimed"/>.</param>
    /// <param name="window">How long to remember the event id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask CompleteAsync(DeduplicationClaim claim, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Releases a held claim whose handling failed, so the sender's next delivery runs the handlers.</summary>
    /// <param name="claim">A claim from <see cref="TryClaimAsync"/> with status <see cref="DeduplicationStatus.Claimed"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task that completes when released.</returns>
    ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken);
}
