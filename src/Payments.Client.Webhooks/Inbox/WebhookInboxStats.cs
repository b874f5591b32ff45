namespace Payments.Client.Webhooks;

/// <summary>The inbox's depth by state and the age of its oldest unprocessed event, for telemetry and the <c>payments</c> tool.</summary>
/// <param name="Pending">Events waiting for an attempt.</param>
/// <param name="Processing">Events being run under a lease.</param>
/// <param name="Processed">Processed events still kept for the retention window.</param>
/// <param name="DeadLetters">Dead letters.</param>
/// <param name="OldestUnprocessedReceivedAt">When the oldest pending or processing event arrived; null when there is none.</param>
public sealed record WebhookInboxStats(long Pending, long Processing, long Processed, long DeadLetters, DateTimeOffset? OldestUnprocessedReceivedAt);
