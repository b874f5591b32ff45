using System.Globalization;
using System.Text.Json;
using Payments.Cli.Output;
using Payments.Client;

namespace Payments.Cli.Journal;

/// <summary>Journaled charges and recovery passes as text or JSON. Never the request body: it names a customer and a payment method.</summary>
internal static class JournalOutput
{
    public static void Write(CliConsole console, IReadOnlyList<ChargeJournalEntry> entries, bool json, bool detailed = false)
    {
        if (json)
        {
            console.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartArray();
                foreach (ChargeJournalEntry entry in entries)
                {
                    WriteEntry(w, entry);
                }

                w.WriteEndArray();
            }));
            return;
        }

        if (entries.Count == 0)
        {
            console.WriteLine("no journaled charges");
            return;
        }

        foreach (ChargeJournalEntry e in entries)
        {
            console.WriteLine($"{e.IdempotencyKey}  {e.MerchantReference}  {State(e.State)}  {e.ChargeId ?? "-"}  {Time(e.CreatedAt)}{(e.Reason is null ? string.Empty : "  " + e.Reason)}");
            if (detailed)
            {
                console.WriteLine($"  settled by {e.SettledBy ?? "-"} at {(e.FinalAt is { } f ? Time(f) : "-")}; sends {e.Sends}, polls {e.Polls}; next check {(e.NextCheckAt is { } n ? Time(n) : "-")}; outcome {(e.OutcomeHandled ? "handled" : "not handled")} after {e.OutcomeRuns} run(s)");
            }
        }
    }

    public static void Write(CliConsole console, ChargeJournalPass pass, bool json)
    {
        if (json)
        {
            console.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("resent", pass.Resent);
                w.WriteNumber("replayed", pass.Replayed);
                w.WriteNumber("polled", pass.Polled);
                w.WriteNumber("settled", pass.Settled);
                w.WriteNumber("in_doubt", pass.InDoubt);
                w.WriteEndObject();
            }));
            return;
        }

        console.WriteLine($"recovery pass: re-sent {pass.Resent} (replayed {pass.Replayed}), polled {pass.Polled}, settled {pass.Settled}, in doubt {pass.InDoubt}");
        if (pass.InDoubt > 0)
        {
            console.WriteLine("charges in doubt are never re-sent: reconcile them by hand (payments journal list --state in-doubt)");
        }
    }

    private static void WriteEntry(Utf8JsonWriter w, ChargeJournalEntry e)
    {
        w.WriteStartObject();
        w.WriteString("idempotency_key", e.IdempotencyKey);
        w.WriteString("merchant_reference", e.MerchantReference);
        w.WriteString("state", State(e.State));
        JsonText.WriteNullable(w, "charge_id", e.ChargeId);
        JsonText.WriteNullable(w, "reason", e.Reason);
        JsonText.WriteNullable(w, "settled_by", e.SettledBy);
        w.WriteString("created_at", e.CreatedAt);
        if (e.FinalAt is { } final)
        {
            w.WriteString("final_at", final);
        }
        else
        {
            w.WriteNull("final_at");
        }

        w.WriteNumber("sends", e.Sends);
        w.WriteNumber("polls", e.Polls);
        w.WriteBoolean("outcome_handled", e.OutcomeHandled);
        w.WriteNumber("outcome_runs", e.OutcomeRuns);
        w.WriteEndObject();
    }

    private static string State(ChargeJournalState state) => state switch
    {
        ChargeJournalState.Intent => "intent",
        ChargeJournalState.Pending => "pending",
        ChargeJournalState.Succeeded => "succeeded",
        ChargeJournalState.Failed => "failed",
        ChargeJournalState.Rejected => "rejected",
        _ => "in_doubt",
    };

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
