namespace Payments.Client.Webhooks;

/// <summary>
/// A durable webhook inbox: the endpoint stores each verified delivery under its unique event id before answering 2xx,
/// and a <see cref="WebhookInboxProcessor"/> claims stored events, runs the handlers and records the outcome.
/// Implemented by <c>Payments.Client.Sqlite</c> and <c>Payments.Client.PostgreSql</c>; the same conformance suite runs
/// against both. Every time is passed in (the caller's <see cref="TimeProvider"/>): a store never reads a clock.
/// Methods that take an <c>owner</c> act only while that owner holds the event's lease.
/// </summary>
public interface IWebhookInboxStore
{
    /// <summary>Creates the inbox's tables and indexes when missing (idempotent). Stores do this on first use unless told not to.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the schema exists.</returns>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a delivery, durably, before returning. Returns false, storing nothing, when an event with the same id is
    /// already stored (a redelivery). Throws when the store cannot commit: then nothing may be acknowledged.
    /// </summary>
    /// <param name="delivery">The verified delivery.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>True when stored now; false for a duplicate.</returns>
    Task<bool> TryAddAsync(WebhookInboxDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> events that are due (pending with <see cref="WebhookInboxEntry.NextAttemptAt"/>
    /// reached, or processing under a lease that ended), oldest due first, for <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>; each claim counts an attempt. No event is claimed by two owners at once.
    /// </summary>
    /// <param name="owner">The claiming instance's id.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">How long the claim holds unless renewed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claimed events, in state <see cref="WebhookInboxState.Processing"/>.</returns>
    Task<IReadOnlyList<WebhookInboxEntry>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a held lease to <paramref name="leaseEndsAt"/>; false when <paramref name="owner"/> no longer holds it.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="owner">The holder.</param>
    /// <param name="leaseEndsAt">The new end of the lease.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the lease is still held.</returns>
    Task<bool> RenewLeaseAsync(string eventId, string owner, DateTimeOffset leaseEndsAt, CancellationToken cancellationToken);

    /// <summary>Marks a held event processed at <paramref name="now"/>; false when <paramref name="owner"/> no longer holds it.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="owner">The holder.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the event was held and is now processed.</returns>
    Task<bool> CompleteAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt's <paramref name="failure"/> and schedules the next at <paramref name="nextAttemptAt"/>, or
    /// dead-letters the event when that is null.
    /// </summary>
    /// <param name="eventId">The event.</param>
    /// <param name="owner">The holder.</param>
    /// <param name="failure">One line: what failed (exception type and message).</param>
    /// <param name="nextAttemptAt">When to try again; null to dead-letter.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the event was held.</returns>
    Task<bool> FailAsync(string eventId, string owner, string failure, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives a held event back unrun (the host is stopping): pending again from <paramref name="now"/>, its attempt not counted.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="owner">The holder.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the event was held.</returns>
    Task<bool> ReleaseAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lists events, optionally in one state, most recently received first.</summary>
    /// <param name="state">Only this state; null for all.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState? state, int limit, CancellationToken cancellationToken);

    /// <summary>One event by id, or null.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The event or null.</returns>
    Task<WebhookInboxEntry?> GetAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a dead-lettered or processed event again (after a bug fix): pending from <paramref name="now"/> with its attempts
    /// reset and its error lines kept. False when there is no such event or it is pending or processing already.
    /// </summary>
    /// <param name="eventId">The event.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the event was put back.</returns>
    Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replays every dead letter received at or after <paramref name="since"/>.</summary>
    /// <param name="since">The earliest receipt time.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many were put back.</returns>
    Task<int> ReplayDeadLettersAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the <see cref="WebhookInboxState.Processed"/> or <see cref="WebhookInboxState.DeadLetter"/> events completed
    /// before <paramref name="completedBefore"/> (retention does this for processed events). Pending and processing events
    /// cannot be purged: they were acknowledged and are owed a run.
    /// </summary>
    /// <param name="state">Processed or DeadLetter.</param>
    /// <param name="completedBefore">Delete those completed before this.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeAsync(WebhookInboxState state, DateTimeOffset completedBefore, CancellationToken cancellationToken);

    /// <summary>Depth by state and the oldest unprocessed event's receipt time.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The figures.</returns>
    Task<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken);
}
