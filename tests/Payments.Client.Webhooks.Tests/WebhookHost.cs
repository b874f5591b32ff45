using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Client.Tests.Shared;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.Webhooks.Tests;

/// <summary>A merchant's app on a real Kestrel port on 127.0.0.1, with recording handlers.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LogCapture _logs;

    private WebhookHost(WebApplication app, Uri endpoint, Recorder recorder, ConfigurationManager configuration, LogCapture logs)
    {
        _app = app;
        Endpoint = endpoint;
        Recorder = recorder;
        Configuration = configuration;
        _logs = logs;
    }

    public Uri Endpoint { get; }

    public Recorder Recorder { get; }

    public ConfigurationManager Configuration { get; }

    public IReadOnlyList<string> Logs => _logs.Lines;

    public HttpClient Http { get; } = new();

    public IServiceProvider Services => _app.Services;

    /// <param name="maxBodyBytes">The endpoint's body limit.</param>
    /// <param name="services">Registrations after the README's lines (a replacement deduplication store, say).</param>
    public static async Task<WebhookHost> StartAsync(int maxBodyBytes = PaymentsWebhookReceiver.DefaultMaxBodyBytes, Action<IServiceCollection>? services = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Payments:Webhooks:Secrets:0"] = Vectors.Current;
        builder.Configuration["Payments:Webhooks:MaxBodyBytes"] = maxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var recorder = new Recorder();
        builder.Services.AddSingleton(recorder);

        // The README's lines:
        builder.Services.AddPaymentsWebhooks(builder.Configuration.GetSection("Payments:Webhooks"))
            .AddWebhookHandler<ChargeSucceededEvent, RecordingHandler>()
            .AddWebhookHandler<ChargeFailedEvent, RecordingHandler>()
            .AddWebhookHandler<PaymentsEvent, CatchAllHandler>();
        services?.Invoke(builder.Services);

        WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks/payments");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookHost(app, new Uri(address.TrimEnd('/') + "/webhooks/payments"), recorder, builder.Configuration, logs);
    }

    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, signature);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostSignedAsync(string json, string secret = Vectors.Current)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        return PostAsync(body, ReceiverTests.Sign(body, secret));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}

internal sealed class Recorder
{
    public ConcurrentQueue<PaymentsEvent> Typed { get; } = new();

    public ConcurrentQueue<PaymentsEvent> CatchAll { get; } = new();

    /// <summary>How many times the typed handler should throw before it succeeds.</summary>
    public int FailuresLeft;

    /// <summary>Lets a test hold a handler inside HandleAsync.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Invocations;
}

internal sealed class RecordingHandler(Recorder recorder) : IPaymentsWebhookHandler<ChargeSucceededEvent>, IPaymentsWebhookHandler<ChargeFailedEvent>
{
    public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken) => Record(paymentsEvent);

    public Task HandleAsync(ChargeFailedEvent paymentsEvent, CancellationToken cancellationToken) => Record(paymentsEvent);

    private async Task Record(PaymentsEvent paymentsEvent)
    {
        Interlocked.Increment(ref recorder.Invocations);
        if (recorder.Gate is { } gate)
        {
            await gate.Task;
        }

        if (Interlocked.Decrement(ref recorder.FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("the merchant's database is down");
        }

        recorder.Typed.Enqueue(paymentsEvent);
    }
}

internal sealed class CatchAllHandler(Recorder recorder) : IPaymentsWebhookHandler<PaymentsEvent>
{
    public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
    {
        recorder.CatchAll.Enqueue(paymentsEvent);
        return Task.CompletedTask;
    }
}
