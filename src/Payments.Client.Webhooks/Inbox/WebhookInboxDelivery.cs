namespace Payments.Client.Webhooks;

/// <summary>A verified delivery, as the endpoint hands it to <see cref="IWebhookInboxStore.TryAddAsync"/>.</summary>
/// <param name="EventId">The event's id: the inbox's unique key.</param>
/// <param name="EventType">The event's type, for listing and telemetry.</param>
/// <param name="Body">The raw body exactly as received and verified; the processor parses it again.</param>
/// <param name="ReceivedAt">When the delivery arrived.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the delivery's span, so each processing attempt links to it; null without tracing.</param>
public sealed record WebhookInboxDelivery(string EventId, string EventType, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt, string? TraceParent);
