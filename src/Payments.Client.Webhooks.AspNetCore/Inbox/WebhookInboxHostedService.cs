using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Runs the inbox processor when an inbox store is registered (<c>AddSqliteWebhookInbox</c>, <c>AddPostgreSqlWebhookInbox</c>),
/// with the endpoint's own handlers, each event in its own scope; idle otherwise. Shutdown: claiming stops at once,
/// running handlers may finish until the host's shutdown timeout, then their token is cancelled (and what they give
/// back runs again later).
/// </summary>
internal sealed class WebhookInboxHostedService(IServiceProvider services) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly CancellationTokenSource _stopHandlers = new();
    private WebhookInboxProcessor? _processor;
    private Task? _running;

    /// <summary>Whether the endpoint stores deliveries instead of running handlers inline.</summary>
    public static bool InboxRegistered(IServiceProvider services) => services.GetService<IWebhookInboxStore>() is not null;

    /// <summary>Wakes the processor: the endpoint just stored an event.</summary>
    public void Notify() => _processor?.Notify();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IWebhookInboxStore>() is not { } store)
        {
            return Task.CompletedTask;
        }

        _processor = new WebhookInboxProcessor(
            store,
            DispatchAsync,
            services.GetRequiredService<IOptions<WebhookInboxOptions>>().Value,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<WebhookInboxProcessor>>(),
            services.GetService<IMeterFactory>());
        _running = Task.Run(() => _processor.RunAsync(_stopClaiming.Token, _stopHandlers.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_running is null)
        {
            return;
        }

        await _stopClaiming.CancelAsync().ConfigureAwait(false);
        await Task.WhenAny(_running, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        if (!_running.IsCompleted)
        {
            // The host's shutdown timeout is up: tell the handlers; a run they end is given back to the inbox.
            await _stopHandlers.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopClaiming.Dispose();
        _stopHandlers.Dispose();
    }

    private async Task DispatchAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
    {
        AsyncServiceScope scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await EventDispatcher.DispatchAsync(scope.ServiceProvider, paymentsEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
