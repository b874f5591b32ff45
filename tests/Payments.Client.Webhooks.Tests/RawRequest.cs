using System.Net.Sockets;

namespace Payments.Client.Webhooks.Tests;

/// <summary>A request written by hand on a socket, so a test decides when (and whether) body bytes arrive.</summary>
internal sealed class RawRequest(TcpClient client) : IDisposable
{
    private readonly NetworkStream _stream = client.GetStream();

    /// <summary>
    /// Connects and sends the request line and headers of a signed JSON POST to <paramref name="endpoint"/> (chunked
    /// when <paramref name="contentLength"/> is null); the body is the caller's to send.
    /// </summary>
    public static async Task<RawRequest> SendHeadersAsync(Uri endpoint, long? contentLength, string signature)
    {
        var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        var request = new RawRequest(client);
        await request.SendAsync(Encoding.ASCII.GetBytes(
            $"POST {endpoint.AbsolutePath} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\n" +
            $"X-Signature-256: {signature}\r\n" +
            (contentLength is null ? "Transfer-Encoding: chunked" : $"Content-Length: {contentLength}") + "\r\n\r\n"));
        return request;
    }

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
        using var reader = new StreamReader(_stream, Encoding.ASCII, leaveOpen: true);
        string? statusLine = null;
        try
        {
            statusLine = await reader.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"No status line within {deadline}.");
        }

        Assert.True(statusLine is not null, "The server closed the connection without a status line.");

        // "HTTP/1.1 408 Request Timeout"
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => client.Dispose();
}
