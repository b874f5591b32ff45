using Npgsql;
using NpgsqlTypes;
using Payments.Client.Stores;
using Payments.Client.Webhooks;

namespace Payments.Client.PostgreSql;

/// <summary>
/// The webhook inbox on PostgreSQL, shared by every instance of the app: the primary key on the event id deduplicates
/// deliveries across instances (<c>INSERT ... ON CONFLICT DO NOTHING</c>), and events are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> under a lease (owner and expiry), so instances never take the same event and a crashed
/// instance's events are taken over when their lease ends. The handlers run outside any transaction.
/// </summary>
public sealed class PostgreSqlWebhookInboxStore : IWebhookInboxStore, IAsyncDisposable
{
    private const string Columns = "event_id, event_type, body, received_at, trace_parent, state, attempts, next_attempt_at, lease_owner, completed_at, errors";

    private readonly PostgresDatabase _database;
    private readonly SchemaGate _schema;

    /// <summary>Connects (lazily) and, unless <paramref name="createSchema"/> is false, creates the inbox's table on first use.</summary>
    /// <param name="connectionString">An Npgsql connection string; never logged. The database must exist.</param>
    /// <param name="createSchema">Create the inbox's table when missing. False where a DBA runs <see cref="SchemaSql"/>.</param>
    public PostgreSqlWebhookInboxStore(string connectionString, bool createSchema = true)
    {
        _database = new PostgresDatabase(connectionString);
        _schema = new SchemaGate(ct => _database.EnsureSchemaAsync(PostgresInboxSchema.Feature, PostgresInboxSchema.Sql, ct), createSchema);
    }

    /// <summary>The inbox's DDL (idempotent), as created at start-up; <c>payments inbox schema --postgres</c> prints it.</summary>
    public static string SchemaSql => PostgresInboxSchema.Sql;

    /// <inheritdoc/>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) =>
        _database.EnsureSchemaAsync(PostgresInboxSchema.Feature, PostgresInboxSchema.Sql, cancellationToken);

    /// <inheritdoc/>
    public async Task<bool> TryAddAsync(WebhookInboxDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        int added = await ExecuteAsync(
            "INSERT INTO payments_webhook_inbox (event_id, event_type, body, received_at, trace_parent, state, attempts, next_attempt_at) " +
            "VALUES (@id, @type, @body, @received, @trace, 'pending', 0, @received) ON CONFLICT (event_id) DO NOTHING",
            p =>
            {
                p.AddWithValue("id", delivery.EventId);
                p.AddWithValue("type", delivery.EventType);
                p.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("body", NpgsqlDbType.Bytea) { TypedValue = delivery.Body });
                p.Add(Time("received", delivery.ReceivedAt));
                p.Add(new NpgsqlParameter<string?>("trace", NpgsqlDbType.Text) { TypedValue = delivery.TraceParent });
            },
            cancellationToken).ConfigureAwait(false);
        return added == 1;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<WebhookInboxEntry>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);

        // One statement, one short transaction: SKIP LOCKED passes over rows another instance is claiming right now, and
        // the lease (owner + expiry in next_attempt_at) is what keeps them apart afterwards, outside any transaction. An
        // event still 'processing' whose lease ended is taken over, with a line saying whose run was cut short.
        return QueryAsync(
            "UPDATE payments_webhook_inbox AS i SET state = 'processing', lease_owner = @owner, attempts = i.attempts + 1, next_attempt_at = @until, " +
            "errors = CASE WHEN i.state = 'processing' THEN right(coalesce(i.errors, '') || 'attempt ' || i.attempts || ': the lease of ' || coalesce(i.lease_owner, '?') || ' ended before its run finished (the instance stopped or crashed)' || chr(10), " + InboxText.MaxErrorChars + ") ELSE i.errors END " +
            "FROM (SELECT event_id FROM payments_webhook_inbox WHERE state IN ('pending', 'processing') AND next_attempt_at <= @now " +
            "ORDER BY next_attempt_at LIMIT @n FOR UPDATE SKIP LOCKED) AS due " +
            "WHERE i.event_id = due.event_id RETURNING " + Prefixed("i"),
            p =>
            {
                p.AddWithValue("owner", owner);
                p.Add(Time("until", now + lease));
                p.Add(Time("now", now));
                p.AddWithValue("n", maxCount);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> RenewLeaseAsync(string eventId, string owner, DateTimeOffset leaseEndsAt, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET next_attempt_at = @until WHERE event_id = @id AND state = 'processing' AND lease_owner = @owner",
            p =>
            {
                p.AddWithValue("id", eventId);
                p.AddWithValue("owner", owner);
                p.Add(Time("until", leaseEndsAt));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<bool> CompleteAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'processed', completed_at = @now, next_attempt_at = NULL, lease_owner = NULL " +
            "WHERE event_id = @id AND state = 'processing' AND lease_owner = @owner",
            p =>
            {
                p.AddWithValue("id", eventId);
                p.AddWithValue("owner", owner);
                p.Add(Time("now", now));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<bool> FailAsync(string eventId, string owner, string failure, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = CASE WHEN @next::timestamptz IS NULL THEN 'dead_letter' ELSE 'pending' END, next_attempt_at = @next, " +
            "completed_at = CASE WHEN @next::timestamptz IS NULL THEN @now END, lease_owner = NULL, " +
            "errors = right(coalesce(errors, '') || @line || chr(10), " + InboxText.MaxErrorChars + ") " +
            "WHERE event_id = @id AND state = 'processing' AND lease_owner = @owner",
            p =>
            {
                p.AddWithValue("id", eventId);
                p.AddWithValue("owner", owner);
                p.Add(new NpgsqlParameter<DateTimeOffset?>("next", NpgsqlDbType.TimestampTz) { TypedValue = nextAttemptAt?.ToUniversalTime() });
                p.Add(Time("now", now));
                p.AddWithValue("line", failure.ReplaceLineEndings(" "));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<bool> ReleaseAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'pending', next_attempt_at = @now, attempts = greatest(attempts - 1, 0), lease_owner = NULL " +
            "WHERE event_id = @id AND state = 'processing' AND lease_owner = @owner",
            p =>
            {
                p.AddWithValue("id", eventId);
                p.AddWithValue("owner", owner);
                p.Add(Time("now", now));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public Task<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState? state, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return QueryAsync(
            $"SELECT {Columns} FROM payments_webhook_inbox WHERE (@state::text IS NULL OR state = @state) ORDER BY received_at DESC, event_id LIMIT @limit",
            p =>
            {
                p.Add(new NpgsqlParameter<string?>("state", NpgsqlDbType.Text) { TypedValue = state is { } s ? InboxText.StateName(s) : null });
                p.AddWithValue("limit", limit);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WebhookInboxEntry?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        IReadOnlyList<WebhookInboxEntry> found = await QueryAsync(
            $"SELECT {Columns} FROM payments_webhook_inbox WHERE event_id = @id",
            p => p.AddWithValue("id", eventId),
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc/>
    public async Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'pending', attempts = 0, next_attempt_at = @now, completed_at = NULL " +
            "WHERE event_id = @id AND state IN ('dead_letter', 'processed')",
            p =>
            {
                p.AddWithValue("id", eventId);
                p.Add(Time("now", now));
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public Task<int> ReplayDeadLettersAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE payments_webhook_inbox SET state = 'pending', attempts = 0, next_attempt_at = @now, completed_at = NULL " +
            "WHERE state = 'dead_letter' AND received_at >= @since",
            p =>
            {
                p.Add(Time("since", since));
                p.Add(Time("now", now));
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<int> PurgeAsync(WebhookInboxState state, DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        InboxText.CheckPurgeable(state);
        return ExecuteAsync(
            "DELETE FROM payments_webhook_inbox WHERE state = @state AND completed_at < @before",
            p =>
            {
                p.AddWithValue("state", InboxText.StateName(state));
                p.Add(Time("before", completedBefore));
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _database.DataSource.CreateCommand("SELECT state, count(*), min(received_at) FROM payments_webhook_inbox GROUP BY state");
        long pending = 0, processing = 0, processed = 0, dead = 0;
        DateTimeOffset? oldest = null;
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long count = reader.GetInt64(1);
            switch (InboxText.ParseState(reader.GetString(0)))
            {
                case WebhookInboxState.Pending: pending = count; oldest = Min(oldest, reader.GetFieldValue<DateTimeOffset>(2)); break;
                case WebhookInboxState.Processing: processing = count; oldest = Min(oldest, reader.GetFieldValue<DateTimeOffset>(2)); break;
                case WebhookInboxState.Processed: processed = count; break;
                case WebhookInboxState.DeadLetter: dead = count; break;
            }
        }

        return new WebhookInboxStats(pending, processing, processed, dead, oldest);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    // timestamptz takes UTC offsets only.
    private static NpgsqlParameter<DateTimeOffset> Time(string name, DateTimeOffset value) =>
        new(name, NpgsqlDbType.TimestampTz) { TypedValue = value.ToUniversalTime() };

    private static string Prefixed(string alias) => string.Join(", ", Columns.Split(", ").Select(c => alias + "." + c));

    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _database.DataSource.CreateCommand(sql);
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<WebhookInboxEntry>> QueryAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _database.DataSource.CreateCommand(sql);
        bind(command.Parameters);
        var entries = new List<WebhookInboxEntry>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new WebhookInboxEntry
            {
                EventId = reader.GetString(0),
                EventType = reader.GetString(1),
                Body = reader.GetFieldValue<byte[]>(2),
                ReceivedAt = reader.GetFieldValue<DateTimeOffset>(3),
                TraceParent = reader.IsDBNull(4) ? null : reader.GetString(4),
                State = InboxText.ParseState(reader.GetString(5)),
                Attempts = reader.GetInt32(6),
                NextAttemptAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                LeaseOwner = reader.IsDBNull(8) ? null : reader.GetString(8),
                CompletedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                Errors = InboxText.ErrorLines(reader.IsDBNull(10) ? null : reader.GetString(10)),
            });
        }

        return entries;
    }
}
