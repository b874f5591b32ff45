using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.Client.ChaosTests.Support;

/// <summary>Every handler run, per event id, in the order they ran; and the merchant's app that counts them.</summary>
internal sealed class HandlerLog
{
    public ConcurrentDictionary<string, int> RunsPerEvent { get; } = new();

    public ConcurrentQueue<string> Order { get; } = new();

    /// <summary>Held open by a test to keep a handler inside HandleAsync while duplicates arrive.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>The README's webhook lines with <see cref="CountingHandler"/> for each charge event and unknown types.</summary>
    public WebhookTestHostOptions ReadmeApp(IReadOnlyList<string> secrets, ILoggerProvider? logs = null) => new()
    {
        Secrets = secrets,
        Logging = logs is null ? null : logging => logging.AddProvider(logs),
        Webhooks = webhooks =>
        {
            webhooks.Services.AddSingleton(this);
            webhooks.AddWebhookHandler<ChargeSucceededEvent, CountingHandler>()
                .AddWebhookHandler<ChargeFailedEvent, CountingHandler>()
                .AddWebhookHandler<UnknownPaymentsEvent, CountingHandler>();
        },
    };

    public async Task RecordAsync(PaymentsEvent paymentsEvent)
    {
        RunsPerEvent.AddOrUpdate(paymentsEvent.Id, 1, (_, n) => n + 1);
        Order.Enqueue(paymentsEvent.Id);
        if (Gate is { } gate)
        {
            await gate.Task;
        }
    }
}

internal sealed class CountingHandler(HandlerLog log) :
    IPaymentsWebhookHandler<ChargeSucceededEvent>, IPaymentsWebhookHandler<ChargeFailedEvent>, IPaymentsWebhookHandler<UnknownPaymentsEvent>
{
    public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken) => log.RecordAsync(paymentsEvent);

    public Task HandleAsync(ChargeFailedEvent paymentsEvent, CancellationToken cancellationToken) => log.RecordAsync(paymentsEvent);

    public Task HandleAsync(UnknownPaymentsEvent paymentsEvent, CancellationToken cancellationToken) => log.RecordAsync(paymentsEvent);
}
