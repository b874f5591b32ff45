using Microsoft.Extensions.DependencyInjection;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Cli.Tests.Support;

/// <summary>
/// A merchant's webhook app (Payments.Client.Webhooks.AspNetCore) for a <see cref="WebhookTestHost"/>. Its handler
/// counts events and throws for the charge <see cref="FailingChargeId"/>, so the endpoint answers 500.
/// </summary>
internal sealed class Merchant
{
    public const string Secret = "whsec_cli_tests";
    public const string FailingChargeId = "ch_handler_throws";

    private int _handled;

    /// <summary>How many events its handler ran to the end.</summary>
    public int Handled => Volatile.Read(ref _handled);

    public WebhookTestHostOptions App() => new()
    {
        Secrets = [Secret],
        Webhooks = webhooks =>
        {
            webhooks.Services.AddSingleton(this);
            webhooks.AddWebhookHandler<ChargeSucceededEvent, CountingHandler>()
                .AddWebhookHandler<ChargeFailedEvent, CountingHandler>();
        },
    };

    public void Add() => Interlocked.Increment(ref _handled);
}

internal sealed class CountingHandler(Merchant merchant) : IPaymentsWebhookHandler<ChargeSucceededEvent>, IPaymentsWebhookHandler<ChargeFailedEvent>
{
    public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken) => Handle(paymentsEvent);

    public Task HandleAsync(ChargeFailedEvent paymentsEvent, CancellationToken cancellationToken) => Handle(paymentsEvent);

    private Task Handle(ChargeEvent paymentsEvent)
    {
        if (paymentsEvent.Charge.Id == Merchant.FailingChargeId)
        {
            throw new InvalidOperationException("The handler failed on purpose.");
        }

        merchant.Add();
        return Task.CompletedTask;
    }
}
