using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.Client.Tests.Shared;

/// <summary>
/// The one test host of a merchant's webhook endpoint: an ASP.NET Core app on real Kestrel at 127.0.0.1 and a free
/// port, with <c>AddPaymentsWebhooks</c> and <c>MapPaymentsWebhooks</c> as the README has them (or a test's own
/// endpoint), started and stopped within a deadline.
/// </summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    /// <summary>The path the endpoint is mapped at.</summary>
    public const string Path = "/webhooks/payments";

    /// <summary>Starting and stopping each end within this, or fail saying so: generous for a loaded 2-core machine.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a request still running at the end of a test (a handler held open, a sender that never finishes)
    /// gets before Kestrel aborts it: the test is over, nobody waits for its answer.
    /// </summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;

    private WebhookTestHost(WebApplication app, IConfigurationRoot configuration, Uri endpoint)
    {
        _app = app;
        Configuration = configuration;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint's absolute address, with the port Kestrel chose.</summary>
    public Uri Endpoint { get; }

    /// <summary>The app's configuration; change a key and <see cref="IConfigurationRoot.Reload"/> it, as a file or vault provider would.</summary>
    public IConfigurationRoot Configuration { get; }

    /// <summary>The app's services (its meter factory, its options).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client for posting to <see cref="Endpoint"/>; disposed with the host.</summary>
    public HttpClient Http { get; } = new();

    public static async Task<WebhookTestHost> StartAsync(WebhookTestHostOptions options)
    {
        if (options.RawEndpoint is not null && (options.Secrets.Count > 0 || options.Webhooks is not null))
        {
            throw new ArgumentException("A raw endpoint replaces the Payments one: it takes no secrets or webhook handlers.", nameof(options));
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            options.Limits?.Invoke(kestrel.Limits);
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug);
        options.Logging?.Invoke(builder.Logging);

        if (options.RawEndpoint is null)
        {
            for (int i = 0; i < options.Secrets.Count; i++)
            {
                builder.Configuration[$"Payments:Webhooks:Secrets:{i}"] = options.Secrets[i];
            }

            builder.Configuration["Payments:Webhooks:MaxBodyBytes"] = options.MaxBodyBytes.ToString(CultureInfo.InvariantCulture);
            options.Webhooks?.Invoke(builder.Services.AddPaymentsWebhooks(builder.Configuration.GetSection("Payments:Webhooks")));
        }

        WebApplication app = builder.Build();
        if (options.RawEndpoint is null)
        {
            app.MapPaymentsWebhooks(Path);
        }
        else
        {
            app.Map(Path, options.RawEndpoint);
        }

        try
        {
            using var deadline = new CancellationTokenSource(Deadline);
            await Eventually.Within(app.StartAsync(deadline.Token), "the webhook test host to start", Deadline);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookTestHost(app, builder.Configuration, new Uri(new Uri(address), Path));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            using var drain = new CancellationTokenSource(Drain);
            await Eventually.Within(_app.StopAsync(drain.Token), "the webhook test host to stop", Deadline);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
