namespace Payments.Client.Testing;

/// <summary>Where one of the fake's webhook deliveries stands (named apart from the receiving side's deduplication state).</summary>
public enum WebhookDeliveryState
{
    /// <summary>Being attempted, or waiting to retry.</summary>
    InProgress = 0,

    /// <summary>An attempt was answered with 2xx.</summary>
    Delivered = 1,

    /// <summary>Every attempt failed, or the fake stopped first.</summary>
    Failed = 2,
}
