namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// How the endpoint takes in a body over a real socket: memory follows the bytes that arrive, the documented
/// limit is the server's limit, and a slow or vanished sender is answered (or logged) without an error.
/// </summary>
public class BodyIntakeTests
{
    // Real sockets and Kestrel's once-a-second heartbeat: generous, so a loaded 2-core machine still passes.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Headers_declaring_256_KiB_hold_only_a_small_buffer_until_the_bytes_arrive()
    {
        var intake = new BodyIntake();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(intake.Options());
        byte[] body = SignedChargeEvent(PaymentsWebhookReceiver.DefaultMaxBodyBytes);

        using RawRequest request = await RawRequest.SendHeadersAsync(host.Endpoint, body.Length, ReceiverTests.Sign(body, Vectors.Current));
        await intake.Pool.FirstRent.Task.WaitAsync(Deadline);
        int whileWaiting = intake.Pool.LargestRented;
        await request.SendAsync(body);
        int status = await request.ReadStatusAsync(Deadline);

        Assert.Equal(WebhookBodyReader.InitialBufferBytes, whileWaiting);
        Assert.Equal(200, status);
        Assert.True(intake.Pool.LargestRented <= body.Length, $"A body of exactly the limit rented {intake.Pool.LargestRented} bytes.");
        Assert.IsType<ChargeSucceededEvent>(Assert.Single(intake.Recorder.CatchAll));
    }

    [Fact]
    public async Task A_MaxBodyBytes_above_Kestrels_default_limit_accepts_a_body_above_it()
    {
        var intake = new BodyIntake();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(intake.Options(maxBodyBytes: 40_000_000));
        byte[] body = SignedChargeEvent(31_000_000); // Kestrel's own default limit is 30,000,000
        using var http = new HttpClient { Timeout = Deadline };

        using HttpResponseMessage response = await http.SendAsync(Post(host, body, chunked: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<ChargeSucceededEvent>(Assert.Single(intake.Recorder.CatchAll));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_MaxBodyBytes_is_413_declared_or_streamed_with_no_error_logged(bool chunked)
    {
        // Streamed, Kestrel's limit (now MaxBodyBytes) trips before the endpoint's own count does.
        var intake = new BodyIntake();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(intake.Options(maxBodyBytes: 64 * 1024));
        byte[] body = SignedChargeEvent((64 * 1024) + 1);
        var http = new HttpClient { Timeout = Deadline };

        using HttpResponseMessage response = await http.SendAsync(Post(host, body, chunked));
        http.Dispose(); // closes the kept-alive connection, so the server finishes with it
        await intake.Log.WaitForAsync(IsRequestFinished, Deadline, "for the connection to stop");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(intake.Recorder.CatchAll);
        Assert.DoesNotContain(intake.Log.Messages, IsErrorOrWorse);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_cut_midway_logs_one_information_line_and_no_error(bool reset)
    {
        // Kestrel takes a half-close (FIN) for a sender that is gone too: there is no one to answer.
        var intake = new BodyIntake();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(intake.Options());
        byte[] body = SignedChargeEvent(1000);

        using RawRequest request = await RawRequest.SendHeadersAsync(host.Endpoint, body.Length, ReceiverTests.Sign(body, Vectors.Current));
        await request.SendAsync(body[..100]);
        await intake.Pool.FirstRent.Task.WaitAsync(Deadline);
        request.Cut(reset);
        await intake.Log.WaitForAsync(IsRequestFinished, Deadline, "for the connection to stop");

        string line = OneInformationLineAndNoError(intake.Log.Messages);
        Assert.StartsWith("Information Payments.Client.Webhooks: Payments webhook body not received: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; the sender is gone, nothing answered.", line, StringComparison.Ordinal);
        Assert.Empty(intake.Recorder.CatchAll);
    }

    [Fact]
    public async Task A_malformed_chunked_body_is_answered_400_with_one_information_line()
    {
        var intake = new BodyIntake();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(intake.Options());

        using RawRequest request = await RawRequest.SendHeadersAsync(host.Endpoint, contentLength: null, ReceiverTests.Sign([], Vectors.Current));
        await request.SendAsync(Encoding.ASCII.GetBytes("zz\r\n{}\r\n")); // "zz" is no chunk size

        await AssertAnsweredWithOneInformationLineAsync(intake, request, 400, "the body ended early or is malformed");
    }

    [Fact]
    public async Task A_body_slower_than_Kestrels_minimum_data_rate_is_answered_408()
    {
        // 240 bytes/s after a 2-second grace period; the sender sends 10 bytes and stalls.
        var intake = new BodyIntake();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(intake.Options(limits: limits =>
            limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2))));
        byte[] body = SignedChargeEvent(1000);

        using RawRequest request = await RawRequest.SendHeadersAsync(host.Endpoint, body.Length, ReceiverTests.Sign(body, Vectors.Current));
        await request.SendAsync(body[..10]);

        await AssertAnsweredWithOneInformationLineAsync(intake, request, 408, "the body arrived too slowly");
    }

    private static async Task AssertAnsweredWithOneInformationLineAsync(BodyIntake intake, RawRequest request, int status, string reason)
    {
        Assert.Equal(status, await request.ReadStatusAsync(Deadline));
        await intake.Log.WaitForAsync(IsRequestFinished, Deadline, "for the connection to stop");
        string line = OneInformationLineAndNoError(intake.Log.Messages);
        Assert.Equal($"Information Payments.Client.Webhooks: Payments webhook body not received: {reason}; answered {status}.", line);
        Assert.Empty(intake.Recorder.CatchAll);
    }

    /// <summary>The endpoint's one line about the request; nothing at Error anywhere, no stack trace.</summary>
    private static string OneInformationLineAndNoError(string[] lines)
    {
        string all = string.Join("\n", lines);
        Assert.False(lines.Any(IsErrorOrWorse), $"An error was logged:\n{all}");
        string[] ours = lines.Where(l => l.Contains(" Payments.Client.Webhooks: ", StringComparison.Ordinal)).ToArray();
        Assert.True(ours.Length == 1 && !ours[0].Contains('\n', StringComparison.Ordinal), $"Expected one single-line entry from the endpoint:\n{all}");
        return ours[0];
    }

    // Kestrel's last word on a connection: anything it logs about the request comes before this.
    private static bool IsRequestFinished(string line) => line.Contains("Connection id", StringComparison.Ordinal) && line.EndsWith("\" stopped.", StringComparison.Ordinal);

    private static bool IsErrorOrWorse(string line) => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal);

    private static HttpRequestMessage Post(WebhookTestHost host, byte[] body, bool chunked)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.Endpoint)
        {
            Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, ReceiverTests.Sign(body, Vectors.Current));
        return request;
    }

    /// <summary>A charge.succeeded event of exactly <paramref name="size"/> bytes (padded with an unknown field).</summary>
    private static byte[] SignedChargeEvent(int size)
    {
        const string Head = """{"id":"evt_intake","type":"charge.succeeded","data":{"id":"ch_intake","status":"succeeded","amount":2500,"currency":"usd"},"pad":" """;
        const string Tail = "\"}";
        byte[] body = new byte[size];
        Encoding.ASCII.GetBytes(Head[..^1]).CopyTo(body, 0);
        body.AsSpan(Head.Length - 1, size - Head.Length + 1 - Tail.Length).Fill((byte)'x');
        Encoding.ASCII.GetBytes(Tail).CopyTo(body, size - Tail.Length);
        return body;
    }
}
