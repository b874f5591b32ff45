using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Testing.Tests.Support;

/// <summary>
/// A tiny Kestrel receiver on 127.0.0.1 and a free port. Answers each request with the next queued
/// status (200 once the queue is empty), or holds it until the test lets go.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrived = new(0);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>When true, requests wait until <see cref="Release"/> (or the client gives up).</summary>
    public bool Hang { get; set; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/payments");
        return receiver;
    }

    public void Respond(params int[] statuses)
    {
        foreach (int status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    public void Release() => _release.TrySetResult();

    /// <summary>Waits until <paramref name="count"/> requests have arrived in all.</summary>
    public async Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        while (Received.Count < count)
        {
            await _arrived.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        Received.Enqueue(new ReceivedWebhook(
            body.ToArray(),
            context.Request.Headers["X-Signature-256"].ToString(),
            context.Request.ContentType));
        _arrived.Release();
        if (Hang)
        {
            await _release.Task.WaitAsync(context.RequestAborted);
        }

        context.Response.StatusCode = _statuses.TryDequeue(out int status) ? status : 200;
    }
}

internal sealed record ReceivedWebhook(byte[] Body, string Signature, string? ContentType);
