namespace Payments.Client.PostgreSql;

/// <summary>The webhook inbox's table in PostgreSQL; <c>payments inbox schema --postgres</c> prints this.</summary>
internal static class PostgresInboxSchema
{
    public const string Feature = "webhook inbox";

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS payments_webhook_inbox (
            event_id        text        NOT NULL PRIMARY KEY,  -- the event's id: the unique key that deduplicates deliveries across instances
            event_type      text        NOT NULL,
            body            bytea       NOT NULL,              -- the raw body as received and verified
            received_at     timestamptz NOT NULL,
            trace_parent    text        NULL,                  -- W3C traceparent of the delivery's span
            state           text        NOT NULL CHECK (state IN ('pending', 'processing', 'processed', 'dead_letter')),
            attempts        integer     NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NULL,                  -- pending: when it may run; processing: when the lease ends
            lease_owner     text        NULL,
            completed_at    timestamptz NULL,                  -- processed or dead-lettered at
            errors          text        NULL                   -- one line per failed attempt, the most recent 4000 characters
        );
        CREATE INDEX IF NOT EXISTS payments_webhook_inbox_due ON payments_webhook_inbox (next_attempt_at) WHERE state IN ('pending', 'processing');
        CREATE INDEX IF NOT EXISTS payments_webhook_inbox_completed ON payments_webhook_inbox (state, completed_at);
        CREATE INDEX IF NOT EXISTS payments_webhook_inbox_received ON payments_webhook_inbox (received_at);
        """;
}
