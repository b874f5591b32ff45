namespace Payments.Client.Webhooks;

/// <summary>
/// A verified webhook event. Match on the subclass: <see cref="ChargeSucceededEvent"/>,
/// <see cref="ChargeFailedEvent"/>, or <see cref="UnknownPaymentsEvent"/> for types this SDK version does
/// not know (kept, never an error). Delivery is at least once: deduplicate on <see cref="Id"/>.
/// </summary>
public abstract record PaymentsEvent
{
    /// <summary>
    /// The event id (<c>evt_...</c>). Events in the legacy shape carry none; their id is then
    /// <c>evt_sha256_</c> followed by the first 32 hex characters of the SHA-256 of the body, so a
    /// redelivery of the same body has the same id.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The event type as sent, for example <c>charge.succeeded</c>.</summary>
    public required string Type { get; init; }

    /// <summary>When the event was created, when the payload said.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
