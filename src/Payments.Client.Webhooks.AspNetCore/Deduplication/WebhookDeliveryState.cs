namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>What a deduplication store knows about an event id.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Not seen (or its record expired): the caller now holds it and must complete or abandon it.</summary>
    New = 0,

    /// <summary>Another delivery of the same event is being handled right now.</summary>
    InProgress = 1,

    /// <summary>Already handled within the deduplication window.</summary>
    AlreadyHandled = 2,
}
