using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Payments.Client.Testing.Tests.Support;

/// <summary>
/// A merchant's endpoint whose answers the test scripts, for a <see cref="WebhookTestHost"/>: records each request
/// and answers it with the next queued status (200 once the queue is empty), or holds it until the test lets go.
/// </summary>
internal sealed class RecordingEndpoint
{
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrived = new(0);

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>When true, requests wait until <see cref="Release"/> (or the sender gives up, or the host stops).</summary>
    public bool Hang { get; set; }

    public WebhookTestHostOptions App() => new() { RawEndpoint = HandleAsync };

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
            // A held request ends when the test lets go, the sender gives up, or the test ends and stops the host.
            CancellationToken stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await _release.Task.WaitAsync(ended.Token);
        }

        context.Response.StatusCode = _statuses.TryDequeue(out int status) ? status : 200;
    }
}

internal sealed record ReceivedWebhook(byte[] Body, string Signature, string? ContentType);
