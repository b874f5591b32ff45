using System.Net.Sockets;

namespace Payments.Client.Redis.Tests.Support;

/// <summary>
/// A real <c>redis-server</c> (Debian's package; <c>.ci/system-packages redis-server</c> installs it) on a free loopback port with
/// its own temporary directory, stopped and deleted on dispose. No persistence unless asked: then AOF with an fsync
/// per write, so a SIGKILL loses nothing that was acknowledged, as a production dedupe Redis would be configured.
/// </summary>
internal sealed class RedisServer(int port, string dir, bool persistent) : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);
    private Process? _process;

    public int Port { get; } = port;

    public string ConnectionString => $"127.0.0.1:{Port},connectTimeout=2000";

    public static async Task<RedisServer> StartAsync(bool persistent = false)
    {
        string dir = Directory.CreateTempSubdirectory("payments-redis-").FullName;
        var server = new RedisServer(FreePort(), dir, persistent);
        await server.LaunchAsync();
        return server;
    }

    /// <summary>SIGKILL: no shutdown, no save; what was acknowledged survives only in the AOF.</summary>
    public async Task KillAsync()
    {
        Process process = _process ?? throw new InvalidOperationException("not running");
        process.Kill();
        using var cts = new CancellationTokenSource(StartDeadline);
        await process.WaitForExitAsync(cts.Token);
        process.Dispose();
        _process = null;
    }

    /// <summary>Starts again on the same port and directory (the AOF is replayed when persistent).</summary>
    public Task RestartAsync() => LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await KillAsync();
        }

        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Executable()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin"))
        {
            string candidate = Path.Combine(dir, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("redis-server is not installed: run .ci/system-packages redis-server (apt-get install redis-server).");
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        foreach (string arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--dir", dir, "--daemonize", "no" }.Concat(persistence))
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        Process process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (!await PingAsync())
        {
            if (deadline.Elapsed > StartDeadline || process.HasExited)
            {
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new TimeoutException($"redis-server on port {Port} did not answer PING within {StartDeadline.TotalSeconds} s (exited: {process.HasExited}). Its output:\n{log}");
            }

            await Task.Delay(50); // bounded poll (StartDeadline above): a real process is starting
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, cts.Token);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cts.Token);
            byte[] reply = new byte[16];
            int read = await stream.ReadAsync(reply, cts.Token);

            // "-LOADING" while the AOF replays: not ready yet.
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
