using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Cli.Tests.Support;

/// <summary>
/// A merchant's webhook endpoint (Payments.Client.Webhooks.AspNetCore) on real Kestrel at 127.0.0.1:0. Its handler
/// counts events and throws for the charge <see cref="FailingChargeId"/>, so the endpoint answers 500.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    public const string Secret = "whsec_cli_tests";
    public const string FailingChargeId = "ch_handler_throws";

    private readonly WebApplication _app;

    private Receiver(WebApplication app, Uri endpoint, Handled handled)
    {
        _app = app;
        Endpoint = endpoint;
        Handled = handled;
    }

    public Uri Endpoint { get; }

    public Handled Handled { get; }

    public static async Task<Receiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Payments:Webhooks:Secrets:0"] = Secret;
        builder.Logging.ClearProviders();
        var handled = new Handled();
        builder.Services.AddSingleton(handled);
        builder.Services.AddPaymentsWebhooks(builder.Configuration.GetSection("Payments:Webhooks"))
            .AddWebhookHandler<ChargeSucceededEvent, CountingHandler>()
            .AddWebhookHandler<ChargeFailedEvent, CountingHandler>();
        WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks/payments");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Receiver(app, new Uri(new Uri(address), "/webhooks/payments"), handled);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class Handled
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

internal sealed class CountingHandler(Handled handled) : IPaymentsWebhookHandler<ChargeSucceededEvent>, IPaymentsWebhookHandler<ChargeFailedEvent>
{
    public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken) => Handle(paymentsEvent);

    public Task HandleAsync(ChargeFailedEvent paymentsEvent, CancellationToken cancellationToken) => Handle(paymentsEvent);

    private Task Handle(ChargeEvent paymentsEvent)
    {
        if (paymentsEvent.Charge.Id == Receiver.FailingChargeId)
        {
            throw new InvalidOperationException("The handler failed on purpose.");
        }

        handled.Add();
        return Task.CompletedTask;
    }
}
