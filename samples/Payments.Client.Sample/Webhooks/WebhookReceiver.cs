using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.Client.Sample.Webhooks;

/// <summary>
/// The merchant's webhook endpoint, as a real app would host it (here on 127.0.0.1 with a free port):
/// <c>AddPaymentsWebhooks</c> + <c>MapPaymentsWebhooks</c>, the same lines as the README.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where the API should post events.</summary>
    public Uri Url { get; }

    /// <summary>Starts the endpoint.</summary>
    /// <param name="secret">The webhook signing secret.</param>
    /// <param name="settled">Where handled events go.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running receiver.</returns>
    public static async Task<WebhookReceiver> StartAsync(string secret, SettledCharges settled, CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(settled);

        builder.Services.AddPaymentsWebhooks(options => options.Secrets.Add(secret))
            .AddWebhookHandler<Client.Webhooks.ChargeEvent, SettledChargeHandler>();
        WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks/payments");

        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/webhooks/payments"));
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
