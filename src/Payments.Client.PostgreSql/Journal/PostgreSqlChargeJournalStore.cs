using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Payments.Client.Journal;
using Payments.Client.PostgreSql.Journal;

namespace Payments.Client.PostgreSql;

/// <summary>
/// The charge journal on PostgreSQL, shared by every instance of the app. Claims are one statement each
/// (<c>UPDATE ... WHERE key IN (SELECT ... FOR UPDATE SKIP LOCKED LIMIT n) RETURNING</c>) and set a lease, so two
/// instances never work on one entry or one outcome at once, and a crashed instance's entries return when the lease ends.
/// </summary>
public sealed class PostgreSqlChargeJournalStore : IChargeJournalStore, IAsyncDisposable
{
    private const string Table = "payments_charge_journal";
    private readonly PostgresDatabase _database;

    /// <summary>Connects (lazily) to the journal's database.</summary>
    /// <param name="connectionString">An Npgsql connection string; never logged nor put in a message.</param>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public PostgreSqlChargeJournalStore(string connectionString)
    {
        _database = new PostgresDatabase(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) =>
        _database.EnsureSchemaAsync(JournalSchema.Feature, JournalSchema.Sql, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> TryAddIntentAsync(ChargeJournalEntry intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return await ExecuteAsync(
            $"""
            INSERT INTO {Table} (idempotency_key, merchant_reference, body, checksum, created_at, state, sends, next_check_at)
            VALUES (@key, @reference, @body, @checksum, @created, 'intent', @sends, @next)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            c =>
            {
                c.Parameters.AddWithValue("key", intent.IdempotencyKey);
                c.Parameters.AddWithValue("reference", intent.MerchantReference);
                c.Parameters.AddWithValue("body", NpgsqlDbType.Bytea, intent.Body.ToArray());
                c.Parameters.AddWithValue("checksum", intent.Checksum);
                c.Parameters.AddWithValue("created", intent.CreatedAt.ToUniversalTime());
                c.Parameters.AddWithValue("sends", intent.Sends);
                c.Parameters.AddWithValue("next", NpgsqlDbType.TimestampTz, Time(intent.NextCheckAt));
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<bool> RecordAsync(ChargeJournalRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        bool final = JournalRows.IsFinal(record.State);

        // Only an unresolved row changes, and a pending one never goes back to intent.
        return await ExecuteAsync(
            $"""
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
            """,
            c =>
            {
                c.Parameters.AddWithValue("key", record.IdempotencyKey);
                c.Parameters.AddWithValue("state", JournalRows.StateName(record.State));
                c.Parameters.AddWithValue("charge", NpgsqlDbType.Text, (object?)record.ChargeId ?? DBNull.Value);
                c.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)record.Reason ?? DBNull.Value);
                c.Parameters.AddWithValue("settled", NpgsqlDbType.Text, final ? (object?)record.SettledBy ?? DBNull.Value : DBNull.Value);
                c.Parameters.AddWithValue("final_at", NpgsqlDbType.TimestampTz, final ? record.At.ToUniversalTime() : DBNull.Value);
                c.Parameters.AddWithValue("next", NpgsqlDbType.TimestampTz, final ? DBNull.Value : Time(record.NextCheckAt));
                c.Parameters.AddWithValue("sends", record.CountsSend ? 1 : 0);
                c.Parameters.AddWithValue("polls", record.CountsPoll ? 1 : 0);
                c.Parameters.AddWithValue("final", final);
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> ClaimDueAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            UPDATE {Table} SET next_check_at = @until, lease_owner = @owner
            WHERE idempotency_key IN (
                SELECT idempotency_key FROM {Table}
                WHERE state IN ('intent', 'pending') AND next_check_at <= @now
                ORDER BY next_check_at LIMIT @max
                FOR UPDATE SKIP LOCKED)
            RETURNING {JournalRows.Columns}
            """,
            c => Claim(c, owner, maxCount, now, lease),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> ClaimOutcomesAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            UPDATE {Table} SET outcome_owner = @owner, outcome_lease_until = @until, outcome_runs = outcome_runs + 1
            WHERE idempotency_key IN (
                SELECT idempotency_key FROM {Table}
                WHERE outcome_state = 'due' AND (outcome_lease_until IS NULL OR outcome_lease_until <= @now)
                ORDER BY final_at LIMIT @max
                FOR UPDATE SKIP LOCKED)
            RETURNING {JournalRows.Columns}
            """,
            c => Claim(c, owner, maxCount, now, lease),
            cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> CompleteOutcomeAsync(string idempotencyKey, string owner, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"UPDATE {Table} SET outcome_state = 'done', outcome_owner = NULL, outcome_lease_until = NULL WHERE idempotency_key = @key AND outcome_owner = @owner AND outcome_state = 'due'",
            c =>
            {
                c.Parameters.AddWithValue("key", idempotencyKey);
                c.Parameters.AddWithValue("owner", owner);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public Task ReleaseOutcomeAsync(string idempotencyKey, string owner, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"UPDATE {Table} SET outcome_owner = NULL, outcome_lease_until = @retry WHERE idempotency_key = @key AND outcome_owner = @owner AND outcome_state = 'due'",
            c =>
            {
                c.Parameters.AddWithValue("key", idempotencyKey);
                c.Parameters.AddWithValue("owner", owner);
                c.Parameters.AddWithValue("retry", retryAt.ToUniversalTime());
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> FindAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {JournalRows.Columns} FROM {Table} WHERE idempotency_key = @id OR merchant_reference = @id OR charge_id = @id ORDER BY created_at DESC",
            c => c.Parameters.AddWithValue("id", id),
            cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ChargeJournalEntry>> ListAsync(ChargeJournalFilter filter, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {JournalRows.Columns} FROM {Table} WHERE {JournalRows.Where(filter)} ORDER BY created_at DESC LIMIT @limit",
            c => c.Parameters.AddWithValue("limit", limit),
            cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<ChargeJournalState, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _database.DataSource.CreateCommand($"SELECT state, count(*) FROM {Table} GROUP BY state");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await JournalRows.ReadCountsAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection pool.</summary>
    /// <returns>A task that completes when closed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static object Time(DateTimeOffset? time) => time is { } t ? t.ToUniversalTime() : DBNull.Value;

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static void Claim(NpgsqlCommand command, string owner, int maxCount, DateTimeOffset now, TimeSpan lease)
    {
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("max", maxCount);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("until", (now + lease).ToUniversalTime());
    }

    private async Task<IReadOnlyList<ChargeJournalEntry>> QueryAsync(string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _database.DataSource.CreateCommand(sql);
        parameters(command);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await JournalRows.ReadAllAsync(reader, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _database.DataSource.CreateCommand(sql);
        parameters(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
