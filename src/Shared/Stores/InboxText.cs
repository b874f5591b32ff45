namespace Payments.Client.Stores;

/// <summary>How both inbox stores keep the error lines of an event's failed attempts in one text column.</summary>
internal static class InboxText
{
    /// <summary>The most recent characters kept: enough for a dozen attempts' lines, bounded so a row never grows without end.</summary>
    public const int MaxErrorChars = 4000;

    /// <summary>The states as stored (readable by a DBA; checked by the schema).</summary>
    public static string StateName(Payments.Client.Webhooks.WebhookInboxState state) => state switch
    {
        Payments.Client.Webhooks.WebhookInboxState.Pending => "pending",
        Payments.Client.Webhooks.WebhookInboxState.Processing => "processing",
        Payments.Client.Webhooks.WebhookInboxState.Processed => "processed",
        Payments.Client.Webhooks.WebhookInboxState.DeadLetter => "dead_letter",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an inbox state."),
    };

    public static Payments.Client.Webhooks.WebhookInboxState ParseState(string stored) => stored switch
    {
        "pending" => Payments.Client.Webhooks.WebhookInboxState.Pending,
        "processing" => Payments.Client.Webhooks.WebhookInboxState.Processing,
        "processed" => Payments.Client.Webhooks.WebhookInboxState.Processed,
        "dead_letter" => Payments.Client.Webhooks.WebhookInboxState.DeadLetter,
        _ => throw new InvalidOperationException($"The inbox holds an unknown state '{stored}'."),
    };

    public static IReadOnlyList<string> ErrorLines(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Only processed events and dead letters may be purged: the others were acknowledged and are owed a run.</summary>
    public static void CheckPurgeable(Payments.Client.Webhooks.WebhookInboxState state)
    {
        if (state is not (Payments.Client.Webhooks.WebhookInboxState.Processed or Payments.Client.Webhooks.WebhookInboxState.DeadLetter))
        {
            throw new ArgumentException($"Only processed events and dead letters can be purged, not {state} ones: those were acknowledged to the sender and are owed a run.", nameof(state));
        }
    }
}
