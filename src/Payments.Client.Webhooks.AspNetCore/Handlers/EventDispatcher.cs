using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Runs the handlers registered for an event's exact type, then its family (<see cref="ChargeEvent"/>),
/// then the catch-alls. Closed generic types only: no reflection, AOT-safe.
/// </summary>
internal static class EventDispatcher
{
    public static async Task DispatchAsync(IServiceProvider services, PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
    {
        switch (paymentsEvent)
        {
            case ChargeSucceededEvent succeeded:
                await RunAsync(services.GetServices<IPaymentsWebhookHandler<ChargeSucceededEvent>>(), succeeded, cancellationToken).ConfigureAwait(false);
                break;
            case ChargeFailedEvent failed:
                await RunAsync(services.GetServices<IPaymentsWebhookHandler<ChargeFailedEvent>>(), failed, cancellationToken).ConfigureAwait(false);
                break;
            case UnknownPaymentsEvent unknown:
                await RunAsync(services.GetServices<IPaymentsWebhookHandler<UnknownPaymentsEvent>>(), unknown, cancellationToken).ConfigureAwait(false);
                break;
        }

        if (paymentsEvent is ChargeEvent chargeEvent)
        {
            await RunAsync(services.GetServices<IPaymentsWebhookHandler<ChargeEvent>>(), chargeEvent, cancellationToken).ConfigureAwait(false);
        }

        await RunAsync(services.GetServices<IPaymentsWebhookHandler<PaymentsEvent>>(), paymentsEvent, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RunAsync<TEvent>(IEnumerable<IPaymentsWebhookHandler<TEvent>> handlers, TEvent paymentsEvent, CancellationToken cancellationToken)
        where TEvent : PaymentsEvent
    {
        foreach (IPaymentsWebhookHandler<TEvent> handler in handlers)
        {
            await handler.HandleAsync(paymentsEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
