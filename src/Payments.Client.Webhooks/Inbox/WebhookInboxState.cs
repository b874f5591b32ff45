namespace Payments.Client.Webhooks;

/// <summary>Where a stored webhook event is in its life in the inbox.</summary>
public enum WebhookInboxState
{
    /// <summary>Stored and waiting for its first or next attempt (see <see cref="WebhookInboxEntry.NextAttemptAt"/>).</summary>
    Pending = 0,

    /// <summary>Claimed by an instance whose handlers are running it, under a lease that ends at <see cref="WebhookInboxEntry.NextAttemptAt"/>.</summary>
    Processing = 1,

    /// <summary>The handlers completed; kept for the retention window so a redelivery is answered without running them again.</summary>
    Processed = 2,

    /// <summary>Failed more often or for longer than the limits allow; kept until replayed or purged.</summary>
    DeadLetter = 3,
}
