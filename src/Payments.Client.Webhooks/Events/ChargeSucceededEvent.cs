namespace Payments.Client.Webhooks;

/// <summary><c>charge.succeeded</c>: the customer was charged.</summary>
public sealed record ChargeSucceededEvent : ChargeEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string EventType = "charge.succeeded";
}
