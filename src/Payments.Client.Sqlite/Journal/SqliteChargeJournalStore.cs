using System.Data.Common;
using Microsoft.Data.Sqlite;
using Payments.Client.Journal;
using Payments.Client.Sqlite.Journal;

namespace Payments.Client.Sqlite;

/// <summary>
/// The charge journal in one SQLite file (WAL, <c>synchronous=FULL</c>, a busy timeout): for one app instance, or
/// several processes on one machine. An intent is durable once <see cref="TryAddIntentAsync"/> returns, before the
/// charge is sent. Each claim is one <c>UPDATE ... RETURNING</c> statement, atomic under SQLite's single writer.
/// </summary>
public sealed class SqliteChargeJournalStore : IChargeJournalStore
{
    private const string Table = "payments_charge_journal";
    private readonly SqliteDatabase _database;

    /// <summary>Opens (and on first use creates) the journal in a SQLite file.</summary>
    /// <param name="path">The database file; created when missing (its folder must exist). May be the file the webhook inbox uses.</param>
    /// <param name="busyTimeout">How long a write waits for another connection's write; 5 seconds when null.</param>
    public SqliteChargeJournalStore(string path, TimeSpan? busyTimeout = null)
    {
        _database = new SqliteDatabase(path, busyTimeout ?? TimeSpan.FromSeconds(5));
    }

    /// <inheritdoc/>
    public string Description => $"SQLite file '{_database.Path}'";

    /// <inheritdoc/>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) =>
        _database.EnsureSchemaAsync(JournalSchema.Feature, JournalSchema.Sql, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> TryAddIntentAsync(ChargeJournalEntry intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await using SqliteConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO {Table} (idempotency_key, merchant_reference, body, checksum, created_at, state, sends, next_check_at)
            VALUES (@key, @reference, @body, @checksum, @created, 'intent', @sends, @next)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        command.Parameters.AddWithValue("@key", intent.IdempotencyKey);
        command.Parameters.AddWithValue("@reference", intent.MerchantReference);
        command.Parameters.Add("@body", SqliteType.Blob).Value = intent.Body.ToArray();
        command.Parameters.AddWithValue("@checksum", intent.Checksum);
        command.Parameters.AddWithValue("@created", Millis(intent.CreatedAt));
        command.Parameters.AddWithValue("@sends", intent.Sends);
        command.Parameters.AddWithValue("@next", Nullable(intent.NextCheckAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<bool> RecordAsync(ChargeJournalRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        bool final = JournalRows.IsFinal(record.State);
        await using SqliteConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();

        // Only an unresolved row changes, and a pending one never goes back to intent.
        command.CommandText = $"""
            UPDATE {Table} SET
                state = @state,
                charge_id = COALESCE(@charge, charge_id),
                reason = COALESCE(@reason, reason),
                settled_by = @settled,
                final_at = @final_at,
                next_check_at = @next,
                lease_owner = NULL,
                sends = sends + @sends,
                polls = polls + @polls,
                outcome_state = CASE WHEN @final THEN 'due' ELSE outcome_state END
            WHERE idempotency_key = @key AND (state = 'intent' OR (state = 'pending' AND @state <> 'intent'))
            """;
        command.Parameters.AddWithValue("@key", record.IdempotencyKey);
        command.Parameters.AddWithValue("@state", JournalRows.StateName(record.State));
        command.Parameters.AddWithValue("@charge", (object?)record.ChargeId ?? DBNull.Value);
        command.Parameters.AddWithValue("@reason", (object?)record.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("@settled", final ? (object?)record.SettledBy ?? DBNull.Value : DBNull.Value);
        command.Parameters.AddWithValue("@final_at", final ? Millis(record.At) : DBNull.Value);
        command.Parameters.AddWithValue("@next", final ? DBNull.Value : Nullable(record.NextCheckAt));
        command.Parameters.AddWithValue("@sends", record.CountsSend ? 1 : 0);
        command.Parameters.AddWithValue("@polls", record.CountsPoll ? 1 : 0);
        command.Parameters.AddWithValue("@final", final);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> ClaimDueAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            UPDATE {Table} SET next_check_at = @until, lease_owner = @owner
            WHERE idempotency_key IN (
                SELECT idempotency_key FROM {Table}
                WHERE state IN ('intent', 'pending') AND next_check_at <= @now
                ORDER BY next_check_at LIMIT @max)
            RETURNING {JournalRows.Columns}
            """,
            c =>
            {
                c.Parameters.AddWithValue("@owner", owner);
                c.Parameters.AddWithValue("@max", maxCount);
                c.Parameters.AddWithValue("@now", Millis(now));
                c.Parameters.AddWithValue("@until", Millis(now + lease));
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> ClaimOutcomesAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            UPDATE {Table} SET outcome_owner = @owner, outcome_lease_until = @until, outcome_runs = outcome_runs + 1
            WHERE idempotency_key IN (
                SELECT idempotency_key FROM {Table}
                WHERE outcome_state = 'due' AND (outcome_lease_until IS NULL OR outcome_lease_until <= @now)
                ORDER BY final_at LIMIT @max)
            RETURNING {JournalRows.Columns}
            """,
            c =>
            {
                c.Parameters.AddWithValue("@owner", owner);
                c.Parameters.AddWithValue("@max", maxCount);
                c.Parameters.AddWithValue("@now", Millis(now));
                c.Parameters.AddWithValue("@until", Millis(now + lease));
            },
            cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> CompleteOutcomeAsync(string idempotencyKey, string owner, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"UPDATE {Table} SET outcome_state = 'done', outcome_owner = NULL, outcome_lease_until = NULL WHERE idempotency_key = @key AND outcome_owner = @owner AND outcome_state = 'due'",
            c =>
            {
                c.Parameters.AddWithValue("@key", idempotencyKey);
                c.Parameters.AddWithValue("@owner", owner);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public Task ReleaseOutcomeAsync(string idempotencyKey, string owner, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"UPDATE {Table} SET outcome_owner = NULL, outcome_lease_until = @retry WHERE idempotency_key = @key AND outcome_owner = @owner AND outcome_state = 'due'",
            c =>
            {
                c.Parameters.AddWithValue("@key", idempotencyKey);
                c.Parameters.AddWithValue("@owner", owner);
                c.Parameters.AddWithValue("@retry", Millis(retryAt));
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> FindAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {JournalRows.Columns} FROM {Table} WHERE idempotency_key = @id OR merchant_reference = @id OR charge_id = @id ORDER BY created_at DESC",
            c => c.Parameters.AddWithValue("@id", id),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> ListAsync(ChargeJournalFilter filter, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {JournalRows.Columns} FROM {Table} WHERE {JournalRows.Where(filter)} ORDER BY created_at DESC LIMIT @limit",
            c => c.Parameters.AddWithValue("@limit", limit),
            cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<ChargeJournalState, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT state, count(*) FROM {Table} GROUP BY state";
        using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await JournalRows.ReadCountsAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static object Nullable(DateTimeOffset? time) => time is { } t ? Millis(t) : DBNull.Value;

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private async Task<IReadOnlyList<ChargeJournalEntry>> QueryAsync(string sql, Action<SqliteCommand> parameters, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command);
        using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await JournalRows.ReadAllAsync(reader, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> parameters, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
