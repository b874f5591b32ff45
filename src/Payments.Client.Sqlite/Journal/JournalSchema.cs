namespace Payments.Client.Sqlite.Journal;

/// <summary>The journal's table in the SQLite file: one row per idempotency key. Times are Unix milliseconds.</summary>
internal static class JournalSchema
{
    public const string Feature = "charge journal";

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS payments_charge_journal (
            idempotency_key TEXT NOT NULL PRIMARY KEY,
            merchant_reference TEXT NOT NULL,
            body BLOB NOT NULL,
            checksum TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            charge_id TEXT,
            reason TEXT,
            settled_by TEXT,
            final_at INTEGER,
            sends INTEGER NOT NULL DEFAULT 0,
            polls INTEGER NOT NULL DEFAULT 0,
            next_check_at INTEGER,
            lease_owner TEXT,
            outcome_state TEXT NOT NULL DEFAULT 'none',
            outcome_owner TEXT,
            outcome_lease_until INTEGER,
            outcome_runs INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS payments_charge_journal_due ON payments_charge_journal (next_check_at) WHERE state IN ('intent', 'pending');
        CREATE INDEX IF NOT EXISTS payments_charge_journal_outcome_due ON payments_charge_journal (outcome_lease_until) WHERE outcome_state = 'due';
        CREATE INDEX IF NOT EXISTS payments_charge_journal_reference ON payments_charge_journal (merchant_reference);
        CREATE INDEX IF NOT EXISTS payments_charge_journal_charge ON payments_charge_journal (charge_id);
        CREATE INDEX IF NOT EXISTS payments_charge_journal_created ON payments_charge_journal (created_at);
        """;
}
