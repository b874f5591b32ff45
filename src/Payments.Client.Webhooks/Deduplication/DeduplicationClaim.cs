namespace Payments.Client.Webhooks;

/// <summary>
/// A deduplication store's answer for one event id. A <see cref="DeduplicationStatus.Claimed"/> answer carries
/// the owner token of that one claim: completing or abandoning it settles the record only while it is still this
/// claim's, so a handler whose claim lapsed and was taken by another delivery cannot settle the other's.
/// </summary>
public sealed class DeduplicationClaim
{
    private DeduplicationClaim(string eventId, DeduplicationStatus status, string? ownerToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        EventId = eventId;
        Status = status;
        OwnerToken = ownerToken;
    }

    /// <summary>The event id.</summary>
    public string EventId { get; }

    /// <summary>Whether the caller holds the claim, or why not.</summary>
    public DeduplicationStatus Status { get; }

    /// <summary>Unique to this claim when <see cref="Status"/> is <see cref="DeduplicationStatus.Claimed"/>; otherwise <see langword="null"/>.</summary>
    public string? OwnerToken { get; }

    /// <summary>The caller now holds the claim on <paramref name="eventId"/>.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="ownerToken">A value unique to this claim, compared when it is completed or abandoned.</param>
    /// <returns>The claim.</returns>
    public static DeduplicationClaim Claimed(string eventId, string ownerToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerToken);
        return new(eventId, DeduplicationStatus.Claimed, ownerToken);
    }

    /// <summary>Another delivery holds the claim on <paramref name="eventId"/>.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns>The answer.</returns>
    public static DeduplicationClaim InProgress(string eventId) => new(eventId, DeduplicationStatus.InProgress, null);

    /// <summary><paramref name="eventId"/> was handled within the window.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns>The answer.</returns>
    public static DeduplicationClaim AlreadyHandled(string eventId) => new(eventId, DeduplicationStatus.AlreadyHandled, null);

    /// <summary>
    /// The owner token of a claim the caller holds, for a store's <see cref="IWebhookDeduplicationStore.CompleteAsync"/>
    /// and <see cref="IWebhookDeduplicationStore.AbandonAsync"/>: only the holder of a claim may complete or abandon it.
    /// </summary>
    /// <returns>The owner token.</returns>
    /// <exception cref="ArgumentException">This answer is not a claim (<see cref="Status"/> is not <see cref="DeduplicationStatus.Claimed"/>).</exception>
    public string RequireOwnerToken() =>
        OwnerToken ?? throw new ArgumentException($"Only a claim with status {DeduplicationStatus.Claimed} can be completed or abandoned; this one is {Status}.", "claim");
}
