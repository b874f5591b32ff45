using System.Diagnostics.Metrics;
using Payments.Client.Diagnostics;

namespace Payments.Client.Journal;

/// <summary>
/// The journal's metrics, on the client's meter (<c>AddMeter("Payments.Client")</c> covers both): entries by state,
/// re-sends and replays, polls, final states by source, time from intent to final state, and charges in doubt.
/// </summary>
internal sealed class JournalTelemetry
{
    private static readonly Lazy<Meter> FallbackMeter = new(() => new Meter(PaymentsTelemetry.Name, PaymentsTelemetry.Version));

    private IReadOnlyDictionary<ChargeJournalState, long>? _counts;

    public JournalTelemetry(IMeterFactory? meterFactory)
    {
        Meter meter = meterFactory?.Create(PaymentsTelemetry.Name, PaymentsTelemetry.Version) ?? FallbackMeter.Value;
        Resends = meter.CreateCounter<long>("payments.journal.resends", "{call}", "Intents re-sent by recovery with their key and body, by answer (replayed, answered, unknown).");
        Polls = meter.CreateCounter<long>("payments.journal.polls", "{call}", "GET /payments/charges/{id} calls for pending charges.");
        Settled = meter.CreateCounter<long>("payments.journal.settled", "{charge}", "Charges that reached a final state, by state and source (answer, webhook, poll, recovery).");
        InDoubt = meter.CreateCounter<long>("payments.journal.in_doubt", "{charge}", "Charges reported in doubt (never re-sent).");
        Outcomes = meter.CreateCounter<long>("payments.journal.outcomes", "{run}", "Outcome handler runs, by result (completed, failed).");
        TimeToFinal = meter.CreateHistogram<double>("payments.journal.time_to_final", "s", "Time from a charge's intent to its final state.");
        meter.CreateObservableGauge("payments.journal.entries", ObserveCounts, "{charge}", "Journaled charges by state, as of the last recovery pass.");
    }

    public Counter<long> Resends { get; }

    public Counter<long> Polls { get; }

    public Counter<long> Settled { get; }

    public Counter<long> InDoubt { get; }

    public Counter<long> Outcomes { get; }

    public Histogram<double> TimeToFinal { get; }

    public void SetCounts(IReadOnlyDictionary<ChargeJournalState, long> counts) => Volatile.Write(ref _counts, counts);

    public void RecordFinal(ChargeJournalState state, string settledBy, TimeSpan sinceIntent)
    {
        Settled.Add(1, new KeyValuePair<string, object?>("payments.journal.state", StateName(state)), new KeyValuePair<string, object?>("payments.journal.source", settledBy));
        TimeToFinal.Record(Math.Max(0, sinceIntent.TotalSeconds), new KeyValuePair<string, object?>("payments.journal.source", settledBy));
        if (state == ChargeJournalState.InDoubt)
        {
            InDoubt.Add(1);
        }
    }

    public static string StateName(ChargeJournalState state) => state switch
    {
        ChargeJournalState.Intent => "intent",
        ChargeJournalState.Pending => "pending",
        ChargeJournalState.Succeeded => "succeeded",
        ChargeJournalState.Failed => "failed",
        ChargeJournalState.Rejected => "rejected",
        _ => "in_doubt",
    };

    private IEnumerable<Measurement<long>> ObserveCounts()
    {
        IReadOnlyDictionary<ChargeJournalState, long>? counts = Volatile.Read(ref _counts);
        if (counts is null)
        {
            yield break;
        }

        foreach (KeyValuePair<ChargeJournalState, long> pair in counts)
        {
            yield return new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("payments.journal.state", StateName(pair.Key)));
        }
    }
}
