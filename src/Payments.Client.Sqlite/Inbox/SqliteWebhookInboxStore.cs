using Microsoft.Data.Sqlite;
using Payments.Client.Stores;
using Payments.Client.Webhooks;

namespace Payments.Client.Sqlite;

/// <summary>
/// The webhook inbox in one SQLite file, for an app running as one process (WAL mode; a write waits for another up to
/// <c>busy_timeout</c>; <c>synchronous=FULL</c>, so a stored delivery survives a crash or power loss once
/// <see cref="TryAddAsync"/> returns). Several instances sharing an inbox need <c>Payments.Client.PostgreSql</c>.
/// </summary>
public sealed class SqliteWebhookInboxStore : IWebhookInboxStore
{
    private const string Columns = "event_id, event_type, body, received_at, trace_parent, state, attempts, next_attempt_at, lease_owner, completed_at, errors";

    private readonly SqliteDatabase _database;
    private readonly SchemaGate _schema;

    /// <summary>Opens (and, unless <paramref name="createSchema"/> is false, prepares on first use) the inbox in <paramref name="path"/>.</summary>
    /// <param name="path">The database file; created when missing. Its folder must exist.</param>
    /// <param name="createSchema">Create the inbox's table when missing. False where a DBA runs <see cref="SchemaSql"/>.</param>
    public SqliteWebhookInboxStore(string path, bool createSchema = true)
    {
        _database = new SqliteDatabase(path, busyTimeout: TimeSpan.FromSeconds(5));
        _schema = new SchemaGate(ct => _database.EnsureSchemaAsync(SqliteInboxSchema.Feature, SqliteInboxSchema.Sql, ct), createSchema);
    }

    /// <summary>The inbox's DDL (idempotent), as created at start-up; <c>payments inbox schema --sqlite</c> prints it.</summary>
    public static string SchemaSql => SqliteInboxSchema.Sql;

    /// <summary>The database file.</summary>
    public string Path => _database.Path;

    /// <inheritdoc/>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) =>
        _database.EnsureSchemaAsync(SqliteInboxSchema.Feature, SqliteInboxSchema.Sql, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> TryAddAsync(WebhookInboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        int added = await ExecuteAsync(
            "INSERT INTO payments_webhook_inbox (event_id, event_type, body, received_at, trace_parent, state, attempts, next_attempt_at) " +
            "VALUES ($id, $type, $body, $received, $trace, 'pending', 0, $received) ON CONFLICT (event_id) DO NOTHING",
            p =>
            {
                p.AddWithValue("$id", delivery.EventId);
                p.AddWithValue("$type", delivery.EventType);
                p.Add("$body", SqliteType.Blob).Value = delivery.Body.ToArray();
                p.AddWithValue("$received", Ms(delivery.ReceivedAt));
                p.AddWithValue("$trace", (object?)delivery.TraceParent ?? DBNull.Value);
            },
            cancellationToken).ConfigureAwait(false);
        return added == 1;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WebhookInboxEntry>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);

        // One statement, so one write transaction: SQLite has one writer at a time, and no row is claimed twice. An event
        // still 'processing' whose lease ended is taken over, with a line saying whose run was cut short.
        return QueryAsync(
            "UPDATE payments_webhook_inbox SET state = 'processing', lease_owner = $owner, attempts = attempts + 1, next_attempt_at = $until, " +
            "errors = CASE WHEN state = 'processing' THEN substr(coalesce(errors, '') || 'attempt ' || attempts || ': the lease of ' || coalesce(lease_owner, '?') || ' ended before its run finished (the instance stopped or crashed)' || char(10), -" + InboxText.MaxErrorChars + ") ELSE errors END " +
            "WHERE event_id IN (SELECT event_id FROM payments_webhook_inbox WHERE state IN ('pending', 'processing') AND next_attempt_at <= $now ORDER BY next_attempt_at LIMIT $n) " +
            "RETURNING " + Columns,
            p =>
            {
                p.AddWithValue("$owner", owner);
                p.AddWithValue("$until", Ms(now + lease));
                p.AddWithValue("$now", Ms(now));
                p.AddWithValue("$n", maxCount);
            },
            cancellationToken,
            writes: true);
    }

    /// <inheritdoc/>
    public async Task<bool> RenewLeaseAsync(string eventId, string owner, DateTimeOffset leaseEndsAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET next_attempt_at = $until WHERE event_id = $id AND state = 'processing' AND lease_owner = $owner",
            p =>
            {
                p.AddWithValue("$id", eventId);
                p.AddWithValue("$owner", owner);
                p.AddWithValue("$until", Ms(leaseEndsAt));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<bool> CompleteAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'processed', completed_at = $now, next_attempt_at = NULL, lease_owner = NULL " +
            "WHERE event_id = $id AND state = 'processing' AND lease_owner = $owner",
            p =>
            {
                p.AddWithValue("$id", eventId);
                p.AddWithValue("$owner", owner);
                p.AddWithValue("$now", Ms(now));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<bool> FailAsync(string eventId, string owner, string failure, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = CASE WHEN $next IS NULL THEN 'dead_letter' ELSE 'pending' END, next_attempt_at = $next, " +
            "completed_at = CASE WHEN $next IS NULL THEN $now END, lease_owner = NULL, " +
            "errors = substr(coalesce(errors, '') || $line || char(10), -" + InboxText.MaxErrorChars + ") " +
            "WHERE event_id = $id AND state = 'processing' AND lease_owner = $owner",
            p =>
            {
                p.AddWithValue("$id", eventId);
                p.AddWithValue("$owner", owner);
                p.AddWithValue("$next", nextAttemptAt is { } next ? Ms(next) : (object)DBNull.Value);
                p.AddWithValue("$now", Ms(now));
                p.AddWithValue("$line", failure.ReplaceLineEndings(" "));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<bool> ReleaseAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'pending', next_attempt_at = $now, attempts = max(attempts - 1, 0), lease_owner = NULL " +
            "WHERE event_id = $id AND state = 'processing' AND lease_owner = $owner",
            p =>
            {
                p.AddWithValue("$id", eventId);
                p.AddWithValue("$owner", owner);
                p.AddWithValue("$now", Ms(now));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public Task<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState? state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return QueryAsync(
            $"SELECT {Columns} FROM payments_webhook_inbox WHERE ($state IS NULL OR state = $state) ORDER BY received_at DESC, event_id LIMIT $limit",
            p =>
            {
                p.AddWithValue("$state", state is { } s ? InboxText.StateName(s) : (object)DBNull.Value);
                p.AddWithValue("$limit", limit);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WebhookInboxEntry?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        IReadOnlyList<WebhookInboxEntry> found = await QueryAsync(
            $"SELECT {Columns} FROM payments_webhook_inbox WHERE event_id = $id",
            p => p.AddWithValue("$id", eventId),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'pending', attempts = 0, next_attempt_at = $now, completed_at = NULL " +
            "WHERE event_id = $id AND state IN ('dead_letter', 'processed')",
            p =>
            {
                p.AddWithValue("$id", eventId);
                p.AddWithValue("$now", Ms(now));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public Task<int> ReplayDeadLettersAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'pending', attempts = 0, next_attempt_at = $now, completed_at = NULL " +
            "WHERE state = 'dead_letter' AND received_at >= $since",
            p =>
            {
                p.AddWithValue("$since", Ms(since));
                p.AddWithValue("$now", Ms(now));
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<int> PurgeAsync(WebhookInboxState state, DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        InboxText.CheckPurgeable(state);
        return ExecuteAsync(
            "DELETE FROM payments_webhook_inbox WHERE state = $state AND completed_at < $before",
            p =>
            {
                p.AddWithValue("$state", InboxText.StateName(state));
                p.AddWithValue("$before", Ms(completedBefore));
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT state, count(*), min(received_at) FROM payments_webhook_inbox GROUP BY state";
        long pending = 0, processing = 0, processed = 0, dead = 0;
        long? oldest = null;
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long count = reader.GetInt64(1);
            switch (InboxText.ParseState(reader.GetString(0)))
            {
                case WebhookInboxState.Pending: pending = count; oldest = Min(oldest, reader.GetInt64(2)); break;
                case WebhookInboxState.Processing: processing = count; oldest = Min(oldest, reader.GetInt64(2)); break;
                case WebhookInboxState.Processed: processed = count; break;
                case WebhookInboxState.DeadLetter: dead = count; break;
            }
        }

        return new WebhookInboxStats(pending, processing, processed, dead, oldest is { } ms ? FromMs(ms) : null);
    }

    private static long? Min(long? a, long b) => a is { } x ? Math.Min(x, b) : b;

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private async Task<int> ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _database.WriteAsync(
            async connection =>
            {
                using SqliteCommand command = connection.CreateCommand();
                command.CommandText = sql;
                bind(command.Parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A read, or with <paramref name="writes"/> a write that returns rows (the claim's UPDATE ... RETURNING).</summary>
    private async Task<IReadOnlyList<WebhookInboxEntry>> QueryAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken, bool writes = false)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (writes)
        {
            return await _database.WriteAsync(connection => ReadEntriesAsync(connection, sql, bind, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        await using SqliteConnection connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadEntriesAsync(connection, sql, bind, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<WebhookInboxEntry>> ReadEntriesAsync(SqliteConnection connection, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        var entries = new List<WebhookInboxEntry>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new WebhookInboxEntry
            {
                EventId = reader.GetString(0),
                EventType = reader.GetString(1),
                Body = (byte[])reader.GetValue(2),
                ReceivedAt = FromMs(reader.GetInt64(3)),
                TraceParent = reader.IsDBNull(4) ? null : reader.GetString(4),
                State = InboxText.ParseState(reader.GetString(5)),
                Attempts = reader.GetInt32(6),
                NextAttemptAt = reader.IsDBNull(7) ? null : FromMs(reader.GetInt64(7)),
                LeaseOwner = reader.IsDBNull(8) ? null : reader.GetString(8),
                CompletedAt = reader.IsDBNull(9) ? null : FromMs(reader.GetInt64(9)),
                Errors = InboxText.ErrorLines(reader.IsDBNull(10) ? null : reader.GetString(10)),
            });
        }

        return entries;
    }
}
