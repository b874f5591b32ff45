namespace Payments.Client.Testing;

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Being attempted, or waiting to retry.</summary>
    InProgress = 0,

    /// <summary>An attempt was answered with 2xx.</summary>
    Delivered = 1,

    /// <summary>Every attempt failed, or the fake stopped first.</summary>
    Failed = 2,
}
