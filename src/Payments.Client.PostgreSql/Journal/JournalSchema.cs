namespace Payments.Client.PostgreSql.Journal;

/// <summary>The journal's table: one row per idempotency key, shared by every instance.</summary>
internal static class JournalSchema
{
    public const string Feature = "charge journal";

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS payments_charge_journal (
            idempotency_key text NOT NULL PRIMARY KEY,
            merchant_reference text NOT NULL,
            body bytea NOT NULL,
            checksum text NOT NULL,
            created_at timestamptz NOT NULL,
            state text NOT NULL,
            charge_id text,
            reason text,
            settled_by text,
            final_at timestamptz,
            sends integer NOT NULL DEFAULT 0,
            polls integer NOT NULL DEFAULT 0,
            next_check_at timestamptz,
            lease_owner text,
            outcome_state text NOT NULL DEFAULT 'none',
            outcome_owner text,
            outcome_lease_until timestamptz,
            outcome_runs integer NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS payments_charge_journal_due ON payments_charge_journal (next_check_at) WHERE state IN ('intent', 'pending');
        CREATE INDEX IF NOT EXISTS payments_charge_journal_outcome_due ON payments_charge_journal (outcome_lease_until) WHERE outcome_state = 'due';
        CREATE INDEX IF NOT EXISTS payments_charge_journal_reference ON payments_charge_journal (merchant_reference);
        CREATE INDEX IF NOT EXISTS payments_charge_journal_charge ON payments_charge_journal (charge_id);
        CREATE INDEX IF NOT EXISTS payments_charge_journal_created ON payments_charge_journal (created_at);
        """;
}
