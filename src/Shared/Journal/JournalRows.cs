using System.Data.Common;

namespace Payments.Client.Journal;

/// <summary>
/// How both stores spell a journal row: state names and the column list, and reading one row back. Linked into the
/// SQLite and PostgreSQL packages (no package reaches into another's internals); each store reads its own times.
/// </summary>
internal static class JournalRows
{
    public const string Columns = "idempotency_key, merchant_reference, body, checksum, created_at, state, charge_id, reason, settled_by, final_at, sends, polls, next_check_at, outcome_state, outcome_runs";

    public static string StateName(ChargeJournalState state) => state switch
    {
        ChargeJournalState.Intent => "intent",
        ChargeJournalState.Pending => "pending",
        ChargeJournalState.Succeeded => "succeeded",
        ChargeJournalState.Failed => "failed",
        ChargeJournalState.Rejected => "rejected",
        ChargeJournalState.InDoubt => "in_doubt",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a journal state."),
    };

    public static bool IsFinal(ChargeJournalState state) => state is not (ChargeJournalState.Intent or ChargeJournalState.Pending);

    /// <summary>The states a filter selects, as a SQL condition on the row.</summary>
    public static string Where(ChargeJournalFilter filter) => filter switch
    {
        ChargeJournalFilter.All => "1=1",
        ChargeJournalFilter.Unresolved => "state IN ('intent', 'pending')",
        ChargeJournalFilter.Pending => "state = 'pending'",
        ChargeJournalFilter.InDoubt => "state = 'in_doubt'",
        ChargeJournalFilter.OutcomeDue => "outcome_state = 'due'",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a journal filter."),
    };

    /// <summary>Reads a row selected with <see cref="Columns"/>; <paramref name="time"/> reads a time column by ordinal.</summary>
    public static ChargeJournalEntry Read(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time)
    {
        string key = reader.GetString(0);
        string state = reader.GetString(5);
        return new ChargeJournalEntry
        {
            IdempotencyKey = key,
            MerchantReference = reader.GetString(1),
            Body = (byte[])reader.GetValue(2),
            Checksum = reader.GetString(3),
            CreatedAt = time(reader, 4),
            State = ParseState(key, state),
            ChargeId = reader.IsDBNull(6) ? null : reader.GetString(6),
            Reason = reader.IsDBNull(7) ? null : reader.GetString(7),
            SettledBy = reader.IsDBNull(8) ? null : reader.GetString(8),
            FinalAt = reader.IsDBNull(9) ? null : time(reader, 9),
            Sends = Convert.ToInt32(reader.GetValue(10), System.Globalization.CultureInfo.InvariantCulture),
            Polls = Convert.ToInt32(reader.GetValue(11), System.Globalization.CultureInfo.InvariantCulture),
            NextCheckAt = reader.IsDBNull(12) ? null : time(reader, 12),
            OutcomeHandled = reader.GetString(13) == "done",
            OutcomeRuns = Convert.ToInt32(reader.GetValue(14), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static async Task<IReadOnlyList<ChargeJournalEntry>> ReadAllAsync(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time, CancellationToken cancellationToken)
    {
        var entries = new List<ChargeJournalEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(Read(reader, time));
        }

        return entries;
    }

    public static ChargeJournalState? TryParseState(string state) => state switch
    {
        "intent" => ChargeJournalState.Intent,
        "pending" => ChargeJournalState.Pending,
        "succeeded" => ChargeJournalState.Succeeded,
        "failed" => ChargeJournalState.Failed,
        "rejected" => ChargeJournalState.Rejected,
        "in_doubt" => ChargeJournalState.InDoubt,
        _ => null,
    };

    /// <summary>Counts per state from rows of (state, count); a state this version does not know is left out.</summary>
    public static async Task<IReadOnlyDictionary<ChargeJournalState, long>> ReadCountsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<ChargeJournalState, long>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (TryParseState(reader.GetString(0)) is { } state)
            {
                counts[state] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    private static ChargeJournalState ParseState(string key, string state) =>
        TryParseState(state) ?? throw new InvalidDataException($"The charge journal row '{key}' has an unknown state '{state}' (written by something else?); it is left as it is.");
}
