using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// The endpoint on loopback Kestrel with what body-intake tests need: Kestrel limits set by the test, the
/// pool the body reader rents from recorded, log lines awaitable, and raw sockets that send a request in parts.
/// </summary>
internal sealed class BodyIntakeHost(WebApplication app, RecordingPool pool, AwaitableLog log, Recorder recorder) : IAsyncDisposable
{
    public int Port { get; } = new Uri(app.Urls.First()).Port;

    public RecordingPool Pool => pool;

    public AwaitableLog Log => log;

    public Recorder Recorder => recorder;

    public static async Task<BodyIntakeHost> StartAsync(int maxBodyBytes = PaymentsWebhookReceiver.DefaultMaxBodyBytes, Action<KestrelServerLimits>? limits = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => limits?.Invoke(kestrel.Limits));
        var log = new AwaitableLog();
        builder.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Debug);
        var pool = new RecordingPool();
        var recorder = new Recorder();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddSingleton(new WebhookBodyReader(pool));
        builder.Services.AddPaymentsWebhooks(options =>
        {
            options.Secrets.Add(Vectors.Current);
            options.MaxBodyBytes = maxBodyBytes;
        }).AddWebhookHandler<PaymentsEvent, CatchAllHandler>();

        WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks/payments");
        await app.StartAsync();
        return new BodyIntakeHost(app, pool, log, recorder);
    }

    /// <summary>
    /// Connects and sends the request line and headers of a signed JSON POST (chunked when
    /// <paramref name="contentLength"/> is null); the body is the caller's to send.
    /// </summary>
    public async Task<RawRequest> SendHeadersAsync(long? contentLength, string signature)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var request = new RawRequest(client);
        await request.SendAsync(Encoding.ASCII.GetBytes(
            "POST /webhooks/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            $"X-Signature-256: {signature}\r\n" +
            (contentLength is null ? "Transfer-Encoding: chunked" : $"Content-Length: {contentLength}") + "\r\n\r\n"));
        return request;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
