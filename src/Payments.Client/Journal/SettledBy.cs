namespace Payments.Client.Journal;

/// <summary>The sources of a final state, as stored in <see cref="ChargeJournalEntry.SettledBy"/> and tagged on the metrics.</summary>
internal static class SettledBy
{
    public const string Answer = "answer";
    public const string Webhook = "webhook";
    public const string Poll = "poll";
    public const string Recovery = "recovery";
}
