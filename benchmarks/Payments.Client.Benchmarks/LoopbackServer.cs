using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.Client.Benchmarks;

/// <summary>
/// A real Kestrel server on 127.0.0.1 answering every charge with canned bytes: what a merchant's call crosses.
/// It also answers Stripe's <c>POST /v1/charges</c>, so the peer SDK crosses the same server.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The Payments API base, <c>http://127.0.0.1:port/v1/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Stripe's API base on the same server, <c>http://127.0.0.1:port</c> (Stripe.net appends <c>/v1/...</c>).</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <param name="chargeBody">What <c>POST /v1/payments/charge</c> answers; <see cref="CannedApi.Charge"/> when null.</param>
    /// <param name="port">0 for any free port.</param>
    public static async Task<LoopbackServer> StartAsync(byte[]? chargeBody = null, int port = 0)
    {
        byte[] charge = chargeBody ?? CannedApi.Charge;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.MapPost("/v1/payments/charge", context => Answer(context, charge));
        app.MapPost("/v1/charges", context => Answer(context, CannedApi.StripeCharge));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/v1/"));
    }

    /// <summary>Signalled when the host begins to stop, for instance on SIGTERM or Ctrl+C (the host handles both).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task Answer(HttpContext context, byte[] body)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.StatusCode = (int)HttpStatusCode.OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }
}
