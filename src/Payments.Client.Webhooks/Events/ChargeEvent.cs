namespace Payments.Client.Webhooks;

/// <summary>An event about a charge that reached a terminal state.</summary>
public abstract record ChargeEvent : PaymentsEvent
{
    /// <summary>The charge as the API reported it. For money movement, reconcile with <see cref="IPaymentsClient.GetChargeAsync"/>.</summary>
    public required Charge Charge { get; init; }
}
