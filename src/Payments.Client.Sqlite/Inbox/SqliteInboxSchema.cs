namespace Payments.Client.Sqlite;

/// <summary>The webhook inbox's table in SQLite. Times are Unix milliseconds (UTC); <c>payments inbox schema --sqlite</c> prints this.</summary>
internal static class SqliteInboxSchema
{
    public const string Feature = "webhook inbox";

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS payments_webhook_inbox (
            event_id        TEXT    NOT NULL PRIMARY KEY,  -- the event's id: the unique key that deduplicates deliveries
            event_type      TEXT    NOT NULL,
            body            BLOB    NOT NULL,              -- the raw body as received and verified
            received_at     INTEGER NOT NULL,              -- Unix ms
            trace_parent    TEXT    NULL,                  -- W3C traceparent of the delivery's span
            state           TEXT    NOT NULL CHECK (state IN ('pending', 'processing', 'processed', 'dead_letter')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NULL,                  -- pending: when it may run; processing: when the lease ends
            lease_owner     TEXT    NULL,
            completed_at    INTEGER NULL,                  -- processed or dead-lettered at
            errors          TEXT    NULL                   -- one line per failed attempt, the most recent 4000 characters
        );
        CREATE INDEX IF NOT EXISTS payments_webhook_inbox_due ON payments_webhook_inbox (next_attempt_at) WHERE state IN ('pending', 'processing');
        CREATE INDEX IF NOT EXISTS payments_webhook_inbox_completed ON payments_webhook_inbox (state, completed_at);
        CREATE INDEX IF NOT EXISTS payments_webhook_inbox_received ON payments_webhook_inbox (received_at);
        """;
}
