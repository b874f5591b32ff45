namespace Payments.Client.Testing;

/// <summary>One event on its way to one endpoint, with every attempt so far (a snapshot).</summary>
public sealed record WebhookDelivery
{
    /// <summary>The event id (<c>evt_...</c>); a duplicate delivery carries the same one.</summary>
    public required string EventId { get; init; }

    /// <summary><c>charge.succeeded</c> or <c>charge.failed</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The charge the event is about.</summary>
    public required string ChargeId { get; init; }

    /// <summary>Where it is posted.</summary>
    public required Uri Url { get; init; }

    /// <summary>The exact body posted, identical on every attempt and duplicate.</summary>
    public required string Body { get; init; }

    /// <summary>The <c>X-Signature-256</c> header value: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of <see cref="Body"/>.</summary>
    public required string Signature { get; init; }

    /// <summary>True for the extra copy asked for with <see cref="FakeWebhooks.DuplicateNextEvents(int)"/>.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Where the delivery stands.</summary>
    public required WebhookDeliveryState State { get; init; }

    /// <summary>The attempts so far, in order.</summary>
    public required IReadOnlyList<WebhookDeliveryAttempt> Attempts { get; init; }
}
