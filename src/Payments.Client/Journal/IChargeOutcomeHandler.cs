namespace Payments.Client;

/// <summary>
/// The merchant's code for a charge's final state (fulfil the order, tell the customer, open a case for one in doubt).
/// Called at least once per journaled charge, never again after it completed, and by one instance at a time; a run cut
/// short by a crash runs again, so make it idempotent on <see cref="ChargeJournalEntry.IdempotencyKey"/>. Throwing makes it run again later.
/// </summary>
public interface IChargeOutcomeHandler
{
    /// <summary>Handles the final state of one charge.</summary>
    /// <param name="charge">The entry, in a final state: succeeded, failed (with its reason), rejected or in doubt.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the outcome is handled.</returns>
    Task HandleAsync(ChargeJournalEntry charge, CancellationToken cancellationToken);
}
