namespace Payments.Client;

/// <summary>
/// Where a <see cref="ChargeJournal"/> keeps its entries: implemented by <c>Payments.Client.Sqlite</c> and
/// <c>Payments.Client.PostgreSql</c>, both held to one conformance suite. A store never reads a clock: every time is
/// passed in. A lease (owner and end) makes each unresolved entry and each outcome the work of one instance at a time.
/// </summary>
public interface IChargeJournalStore
{
    /// <summary>Names the store in messages (a file path, or host and database): never a password.</summary>
    string Description { get; }

    /// <summary>Creates the journal's tables when missing (idempotent).</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the schema exists.</returns>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Commits an intent durably before returning. False, storing nothing, when the key is already journaled.</summary>
    /// <param name="intent">The intent, in state <see cref="ChargeJournalState.Intent"/>; its <see cref="ChargeJournalEntry.NextCheckAt"/> is the caller's lease.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>True when stored now.</returns>
    Task<bool> TryAddIntentAsync(ChargeJournalEntry intent, CancellationToken cancellationToken);

    /// <summary>Applies what was learned about an unresolved entry (see <see cref="ChargeJournalRecord"/>); false when the entry is missing or already final.</summary>
    /// <param name="record">What was learned.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>True when applied.</returns>
    Task<bool> RecordAsync(ChargeJournalRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="maxCount"/> unresolved entries whose <see cref="ChargeJournalEntry.NextCheckAt"/> has come,
    /// oldest first, moving it to <paramref name="now"/> + <paramref name="lease"/>; no entry is claimed by two owners at once.
    /// </summary>
    /// <param name="owner">The claiming instance.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claimed entries.</returns>
    Task<IReadOnlyList<ChargeJournalEntry>> ClaimDueAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Claims up to <paramref name="maxCount"/> final entries whose outcome is not handled and not held by a live lease; each claim counts a run.</summary>
    /// <param name="owner">The claiming instance.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claimed entries.</returns>
    Task<IReadOnlyList<ChargeJournalEntry>> ClaimOutcomesAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks an outcome handled; false (changing nothing) when <paramref name="owner"/> no longer holds its claim.</summary>
    /// <param name="idempotencyKey">The entry.</param>
    /// <param name="owner">The instance that ran the handler.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>True when recorded.</returns>
    Task<bool> CompleteOutcomeAsync(string idempotencyKey, string owner, CancellationToken cancellationToken);

    /// <summary>Gives a claimed outcome back, to be claimed again from <paramref name="retryAt"/> (the handler failed).</summary>
    /// <param name="idempotencyKey">The entry.</param>
    /// <param name="owner">The instance that held it.</param>
    /// <param name="retryAt">When it may run again.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when released.</returns>
    Task ReleaseOutcomeAsync(string idempotencyKey, string owner, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Entries whose key, merchant reference or charge id is <paramref name="id"/>.</summary>
    /// <param name="id">A key, a merchant reference or a charge id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The matches, newest first.</returns>
    Task<IReadOnlyList<ChargeJournalEntry>> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Entries matching <paramref name="filter"/>, newest first.</summary>
    /// <param name="filter">Which entries.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<ChargeJournalEntry>> ListAsync(ChargeJournalFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>How many entries are in each state.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A count per state (states with none may be missing).</returns>
    Task<IReadOnlyDictionary<ChargeJournalState, long>> CountByStateAsync(CancellationToken cancellationToken);
}
