using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Webhooks.Sample;

/// <summary>Ships the order once the charge succeeded. Runs once per event, however often it is delivered.</summary>
public sealed partial class FulfilOrder(ILogger<FulfilOrder> logger) : IPaymentsWebhookHandler<ChargeSucceededEvent>
{
    /// <inheritdoc/>
    public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken)
    {
        Fulfil(logger, paymentsEvent.Charge.Id, paymentsEvent.Charge.Amount ?? 0, paymentsEvent.Charge.Currency ?? "?");
        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "Charge {ChargeId} succeeded ({Amount} minor units of {Currency}): fulfilling the order.")]
    private static partial void Fulfil(ILogger logger, string chargeId, long amount, string currency);
}

/// <summary>Tells the customer why the charge failed.</summary>
public sealed partial class NotifyCustomer(ILogger<NotifyCustomer> logger) : IPaymentsWebhookHandler<ChargeFailedEvent>
{
    /// <inheritdoc/>
    public Task HandleAsync(ChargeFailedEvent paymentsEvent, CancellationToken cancellationToken)
    {
        Notify(logger, paymentsEvent.Charge.Id, paymentsEvent.Charge.FailureReason?.ToString() ?? "unknown");
        return Task.CompletedTask;
    }

    [LoggerMessage(2, LogLevel.Information, "Charge {ChargeId} failed ({Reason}): asking the customer for another card.")]
    private static partial void Notify(ILogger logger, string chargeId, string reason);
}

/// <summary>Sees every verified event, types this SDK does not know yet included; it runs last, so its line marks a completed run.</summary>
public sealed partial class AuditEveryEvent(ILogger<AuditEveryEvent> logger) : IPaymentsWebhookHandler<PaymentsEvent>
{
    /// <inheritdoc/>
    public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
    {
        Audit(logger, paymentsEvent.Id, paymentsEvent.Type);
        return Task.CompletedTask;
    }

    [LoggerMessage(3, LogLevel.Information, "Webhook {EventId} ({EventType}) handled.")]
    private static partial void Audit(ILogger logger, string eventId, string eventType);
}
