using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.ChaosTests.Support;

/// <summary>A merchant's app on real Kestrel (127.0.0.1:0) with the README's webhook lines and counting handlers.</summary>
internal sealed class ReceiverHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReceiverHost(WebApplication app, Uri endpoint, HandlerLog log)
    {
        _app = app;
        Endpoint = endpoint;
        Log = log;
    }

    public Uri Endpoint { get; }

    public HandlerLog Log { get; }

    public static async Task<ReceiverHost> StartAsync(IEnumerable<string> secrets, ILoggerProvider? logs = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var log = new HandlerLog();
        builder.Services.AddSingleton(log);
        builder.Services.AddPaymentsWebhooks(o =>
            {
                foreach (string secret in secrets)
                {
                    o.Secrets.Add(secret);
                }
            })
            .AddWebhookHandler<ChargeSucceededEvent, CountingHandler>()
            .AddWebhookHandler<ChargeFailedEvent, CountingHandler>()
            .AddWebhookHandler<UnknownPaymentsEvent, CountingHandler>();

        WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks/payments");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ReceiverHost(app, new Uri(address.TrimEnd('/') + "/webhooks/payments"), log);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Every handler run, per event id, in the order they ran.</summary>
internal sealed class HandlerLog
{
    public ConcurrentDictionary<string, int> RunsPerEvent { get; } = new();

    public ConcurrentQueue<string> Order { get; } = new();

    /// <summary>Held open by a test to keep a handler inside HandleAsync while duplicates arrive.</summary>
    public TaskCompletionSource? Gate { get; set; }

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
