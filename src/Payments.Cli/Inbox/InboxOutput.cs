using System.Globalization;
using System.Text;
using System.Text.Json;
using Payments.Cli.Output;
using Payments.Client.Webhooks;

namespace Payments.Cli.Inbox;

/// <summary>Inbox entries as text (one line each, or the whole of one) and as JSON.</summary>
internal static class InboxOutput
{
    public static string State(WebhookInboxState state) => state switch
    {
        WebhookInboxState.Pending => "pending",
        WebhookInboxState.Processing => "processing",
        WebhookInboxState.Processed => "processed",
        _ => "dead-letter",
    };

    public static string Line(WebhookInboxEntry e) => string.Create(
        CultureInfo.InvariantCulture,
        $"{e.EventId}  {e.EventType}  {State(e.State)}  attempts {e.Attempts}  received {e.ReceivedAt:O}{(e.State is WebhookInboxState.Pending ? $"  next {e.NextAttemptAt:O}" : e.CompletedAt is { } c ? $"  completed {c:O}" : string.Empty)}");

    public static string Full(WebhookInboxEntry e)
    {
        var text = new StringBuilder(Line(e)).AppendLine();
        if (e.LeaseOwner is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"lease: {e.LeaseOwner} until {e.NextAttemptAt:O}").AppendLine();
        }

        foreach (string error in e.Errors)
        {
            text.Append("error: ").AppendLine(error);
        }

        return text.Append("body: ").Append(Encoding.UTF8.GetString(e.Body.Span)).ToString();
    }

    public static string Json(IEnumerable<WebhookInboxEntry> entries, bool withBody) => JsonText.Write(w =>
    {
        w.WriteStartArray();
        foreach (WebhookInboxEntry e in entries)
        {
            Write(w, e, withBody);
        }

        w.WriteEndArray();
    });

    public static string Json(WebhookInboxEntry entry) => JsonText.Write(w => Write(w, entry, withBody: true));

    private static void Write(Utf8JsonWriter w, WebhookInboxEntry e, bool withBody)
    {
        w.WriteStartObject();
        w.WriteString("event_id", e.EventId);
        w.WriteString("event_type", e.EventType);
        w.WriteString("state", State(e.State));
        w.WriteNumber("attempts", e.Attempts);
        w.WriteString("received_at", e.ReceivedAt);
        Time(w, "next_attempt_at", e.NextAttemptAt);
        Time(w, "completed_at", e.CompletedAt);
        JsonText.WriteNullable(w, "lease_owner", e.LeaseOwner);
        w.WriteStartArray("errors");
        foreach (string error in e.Errors)
        {
            w.WriteStringValue(error);
        }

        w.WriteEndArray();
        if (withBody)
        {
            w.WriteString("body", Encoding.UTF8.GetString(e.Body.Span));
        }

        w.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            w.WriteString(name, time);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
