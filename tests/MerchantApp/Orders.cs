using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace MerchantApp;

/// <summary>The app's order book: which orders a verified webhook has marked paid.</summary>
public sealed class Orders
{
    private readonly ConcurrentDictionary<string, bool> _paid = new(StringComparer.Ordinal);

    public bool IsPaid(string orderId) => _paid.ContainsKey(orderId);

    public void MarkPaid(string orderId) => _paid[orderId] = true;
}

#region handler
/// <summary>Marks the order named in the charge's metadata paid.</summary>
public sealed class MarkOrderPaid(Orders orders) : IPaymentsWebhookHandler<ChargeSucceededEvent>
{
    public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken)
    {
        if (paymentsEvent.Charge.Metadata.TryGetValue("order_id", out string? orderId) && orderId is not null)
        {
            orders.MarkPaid(orderId);
        }

        return Task.CompletedTask;
    }
}
#endregion
