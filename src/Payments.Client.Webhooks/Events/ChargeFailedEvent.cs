namespace Payments.Client.Webhooks;

/// <summary><c>charge.failed</c>: the charge failed; see <see cref="Charge.FailureReason"/>.</summary>
public sealed record ChargeFailedEvent : ChargeEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string EventType = "charge.failed";
}
