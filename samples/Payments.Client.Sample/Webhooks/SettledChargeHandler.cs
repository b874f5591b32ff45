using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.Sample.Webhooks;

/// <summary>Handles both charge outcomes: a verified, deduplicated event, typed.</summary>
public sealed class SettledChargeHandler(SettledCharges settled) : IPaymentsWebhookHandler<ChargeEvent>
{
    /// <inheritdoc/>
    public Task HandleAsync(ChargeEvent paymentsEvent, CancellationToken cancellationToken)
    {
        settled.Add(paymentsEvent);
        return Task.CompletedTask;
    }
}
