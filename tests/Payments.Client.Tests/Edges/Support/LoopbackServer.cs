using System.Net.Sockets;

namespace Payments.Client.Tests.Edges.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port, for the few tests where a real handler's
/// behaviour (following redirects) is the point. One request per connection; every request is recorded.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Received, string> _respond;
    private readonly Task _accepting;
    private readonly List<Received> _received = [];

    public LoopbackServer(Func<Received, string> respond)
    {
        _respond = respond;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<Received> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>A raw response with the given status, headers and body.</summary>
    public static string Response(int status, string body = "", params string[] headers) =>
        $"HTTP/1.1 {status} X\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n{body}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping.
        }

        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                NetworkStream stream = client.GetStream();
                byte[] buffer = new byte[64 * 1024];
                int length = 0;
                int headEnd;
                while ((headEnd = IndexOfHeadEnd(buffer, length)) < 0)
                {
                    int read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    length += read;
                }

                string head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                string[] lines = head.Split("\r\n");
                string[] start = lines[0].Split(' ');
                int contentLength = lines.Skip(1)
                    .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
                    .FirstOrDefault();
                while (length - (headEnd + 4) < contentLength)
                {
                    int read = await stream.ReadAsync(buffer.AsMemory(length), timeout.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                var received = new Received(start[0], start[1], Encoding.UTF8.GetString(buffer, headEnd + 4, length - (headEnd + 4)));
                lock (_received)
                {
                    _received.Add(received);
                }

                await stream.WriteAsync(Encoding.UTF8.GetBytes(_respond(received)), timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    private static int IndexOfHeadEnd(byte[] buffer, int length) => buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
}

internal sealed record Received(string Method, string Path, string Body);
