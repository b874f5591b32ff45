namespace Payments.Client.Webhooks;

/// <summary>One stored webhook event and how its processing went.</summary>
public sealed record WebhookInboxEntry
{
    /// <summary>The event's id (unique in the inbox).</summary>
    public required string EventId { get; init; }

    /// <summary>The event's type, for example <c>charge.succeeded</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The raw body as received and verified.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>When the delivery was stored.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the delivery's span, when tracing was on.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The state.</summary>
    public required WebhookInboxState State { get; init; }

    /// <summary>Attempts started so far (a claim counts one; a run given back at shutdown does not).</summary>
    public required int Attempts { get; init; }

    /// <summary>
    /// <see cref="WebhookInboxState.Pending"/>: when the next attempt may start. <see cref="WebhookInboxState.Processing"/>:
    /// when the lease ends (then another instance may take the event over). Otherwise null.
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The instance holding the lease while <see cref="WebhookInboxState.Processing"/>.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the event was processed or dead-lettered.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>One line per failed attempt, oldest first (the most recent few kilobytes): attempt number, time, exception type and message.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
