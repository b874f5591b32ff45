using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// The endpoint on loopback Kestrel with what body-intake tests need: Kestrel limits set by the test, the
/// pool the body reader rents from recorded, log lines awaitable, and raw sockets that send a request in parts.
/// </summary>
internal sealed class BodyIntakeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BodyIntakeHost(WebApplication app, int port, RecordingPool pool, AwaitableLog log, Recorder recorder)
    {
        _app = app;
        Port = port;
        Pool = pool;
        Log = log;
        Recorder = recorder;
    }

    public int Port { get; }

    public RecordingPool Pool { get; }

    public AwaitableLog Log { get; }

    public Recorder Recorder { get; }

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
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BodyIntakeHost(app, new Uri(address).Port, pool, log, recorder);
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

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A request written by hand on a socket, so a test decides when (and whether) body bytes arrive.</summary>
internal sealed class RawRequest(TcpClient client) : IDisposable
{
    private readonly NetworkStream _stream = client.GetStream();

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Ends the connection mid-body: a reset (a sender that crashed) or a half-close (one that gave up).</summary>
    public void Cut(bool reset)
    {
        if (reset)
        {
            client.Client.Close(0);
        }
        else
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }
    }

    /// <summary>The status code of the response, read within <paramref name="deadline"/>.</summary>
    public async Task<int> ReadStatusAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var head = new List<byte>();
        byte[] chunk = new byte[1024];
        try
        {
            while (!Encoding.ASCII.GetString(head.ToArray()).Contains("\r\n", StringComparison.Ordinal))
            {
                int read = await _stream.ReadAsync(chunk, timeout.Token);
                Assert.True(read > 0, "The server closed the connection without a status line.");
                head.AddRange(chunk.AsSpan(0, read));
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"No status line within {deadline}.");
        }

        // "HTTP/1.1 408 Request Timeout"
        return int.Parse(Encoding.ASCII.GetString(head.ToArray()).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => client.Dispose();
}

/// <summary>The shared pool, with the largest array it handed out and a signal at the first rental.</summary>
internal sealed class RecordingPool : ArrayPool<byte>
{
    private int _largest;

    public TaskCompletionSource FirstRent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int LargestRented => Volatile.Read(ref _largest);

    public override byte[] Rent(int minimumLength)
    {
        byte[] array = Shared.Rent(minimumLength);
        int seen;
        while (array.Length > (seen = Volatile.Read(ref _largest)) && Interlocked.CompareExchange(ref _largest, array.Length, seen) != seen)
        {
        }

        FirstRent.TrySetResult();
        return array;
    }

    public override void Return(byte[] array, bool clearArray = false) => Shared.Return(array, clearArray);
}

/// <summary>Every log line as "Level Category: message", with a way to wait for one.</summary>
internal sealed class AwaitableLog : ILoggerProvider
{
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public async Task WaitForAsync(Func<string, bool> match, TimeSpan deadline, string what)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Any(match))
            {
                return;
            }

            _waiters.Add((match, seen));
        }

        try
        {
            await seen.Task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No log line {what} within {deadline}. Lines:\n{string.Join('\n', Lines)}");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach ((Func<string, bool> match, TaskCompletionSource seen) in _waiters.Where(w => w.Match(line)).ToArray())
            {
                seen.TrySetResult();
            }
        }
    }

    private sealed class Logger(AwaitableLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : "\n" + exception)}");
    }
}
