namespace Payments.Client.Tests.Support;

/// <summary>A client over MockHttp and a fake clock, with every attempt recorded.</summary>
internal sealed class TestClient
{
    public const string ApiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    public const string LiveKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    public static readonly Uri BaseAddress = new("https://api.example.com/v1/");
    public static readonly string ChargeUrl = "https://api.example.com/v1/payments/charge";

    public TestClient(Action<PaymentsClientOptions>? configure = null, TestClock? time = null)
    {
        Time = time ?? new TestClock();
        PaymentsClientOptions options = TestClientOptions.For(BaseAddress, ApiKey, baseDelay: TimeSpan.FromMilliseconds(100));
        configure?.Invoke(options);
        Client = new PaymentsClient(new HttpClient(new FaultHandler { InnerHandler = Mock }) { Timeout = Timeout.InfiniteTimeSpan }, ClientCore.Create(options, Time, Logs, jitter: () => Jitter));
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public TestClock Time { get; }

    /// <summary>The retry jitter, pinned: 0.5 makes every backoff exactly <c>BaseDelay * 2^retry</c>; 0 and 1 are its ends (x0.8, x1.2).</summary>
    public double Jitter { get; set; } = 0.5;

    public PaymentsClient Client { get; }

    public LogCapture Logs { get; } = new();

    private static readonly Responder s_hang = async cancellationToken =>
    {
        // why: stands for a server that never answers; only the attempt's cancellation ends it (no real wait decides anything).
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    };

    private int _held;

    public List<RecordedAttempt> Attempts { get; } = [];

    /// <summary>Answers the next requests to <paramref name="url"/> in order, recording each.</summary>
    public void Script(string url, params Responder[] responses)
    {
        int index = 0;
        Mock.When(url).Respond(new LambdaHandler(async (request, cancellationToken) =>
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            lock (Attempts)
            {
                Attempts.Add(new RecordedAttempt(request.Method, request.RequestUri!, Header(request, "Idempotency-Key"), Header(request, "Authorization"), request.Content?.Headers.ContentType?.ToString(), body, Time.GetUtcNow()));
            }

            Responder next = responses[Math.Min(Interlocked.Increment(ref index) - 1, responses.Length - 1)];
            if (next == s_hang)
            {
                Interlocked.Increment(ref _held);
            }

            Time.NoteActivity();
            return await next(cancellationToken);
        }));
    }

    /// <summary>
    /// Runs the call, moving the fake clock exactly to its next timer each time it parks (a backoff or a token armed,
    /// or an attempt held by <see cref="Hang"/>, which leaves only the attempt's deadlines), so retries and timeouts
    /// happen at their exact times without sleeping.
    /// </summary>
    /// <param name="calls">The calls <paramref name="call"/> awaits, when it awaits several: time moves once each is parked.</param>
    public Task<T> Run<T>(Func<Task<T>> call, IReadOnlyCollection<Task>? calls = null)
    {
        int before = Volatile.Read(ref _held);
        return Time.RunAsync(call(), "the call under test to end on the fake clock", calls, held: () => Volatile.Read(ref _held) - before, started: () => AttemptCount > 0);
    }

    /// <summary>Returns once <paramref name="count"/> attempts reached the handler, failing with a message otherwise.</summary>
    public Task WaitForAttemptsAsync(int count) =>
        Eventually.WaitUntilAsync(() => AttemptCount >= count, $"{count} attempt(s) to reach the handler (saw {AttemptCount})");

    /// <summary>The fake time between consecutive attempts reaching the handler.</summary>
    public TimeSpan[] Gaps
    {
        get
        {
            lock (Attempts)
            {
                return [.. Attempts.Zip(Attempts.Skip(1), (a, b) => b.At - a.At)];
            }
        }
    }

    public int AttemptCount
    {
        get
        {
            lock (Attempts)
            {
                return Attempts.Count;
            }
        }
    }

    public static Responder Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? tweak = null) => _ =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        tweak?.Invoke(response);
        return Task.FromResult(response);
    };

    /// <summary>Headers and the start of a 200 arrive, then the connection drops mid-body (a proxy reset).</summary>
    /// <remarks>MockHttp buffers content (and hangs on the failure), so <see cref="FaultHandler"/> builds the cut response after it.</remarks>
    public static Responder CutMidBody() => _ => Task.FromResult<HttpResponseMessage>(new CutResponse());

    /// <summary>Never answers; only the client's own timeout (or the caller) ends the attempt.</summary>
    public static Responder Hang() => s_hang;

    public static Responder Ok(string id = "ch_1", string status = "succeeded") =>
        Json(HttpStatusCode.OK, $$"""{ "id": "{{id}}", "object": "charge", "status": "{{status}}", "amount": 2500, "currency": "usd" }""");

    public static Responder Error(int status, string code, Action<HttpResponseMessage>? tweak = null, string? failureReason = null) =>
        Json((HttpStatusCode)status, ApiErrors.Body(code, failureReason: failureReason), tweak);

    /// <summary>The transport fails (reset, refused). MockHttp 6 hangs on a faulted responder, so <see cref="FaultHandler"/> throws instead.</summary>
    public static Responder Throw(Exception exception) => _ => Task.FromResult<HttpResponseMessage>(new FaultResponse(exception));

    public static ChargeRequest Request(string? idempotencyKey = null) => new()
    {
        Amount = 2500,
        Currency = "USD",
        CustomerId = "cus_123",
        PaymentMethodId = "pm_456",
        IdempotencyKey = idempotencyKey,
    };

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) : null;
}

/// <summary>Yields some bytes, then fails the way SocketsHttpHandler does when the peer closes mid-body.</summary>
internal sealed class CutStream(byte[] start) : MemoryStream(start)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await base.ReadAsync(buffer, cancellationToken);
        return read > 0 ? read : throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
    }
}

internal delegate Task<HttpResponseMessage> Responder(CancellationToken cancellationToken);

internal sealed class FaultResponse(Exception exception) : HttpResponseMessage
{
    public Exception Exception { get; } = exception;
}

internal sealed class CutResponse : HttpResponseMessage;

/// <summary>Turns a <see cref="FaultResponse"/> from MockHttp into the transport exception it stands for.</summary>
internal sealed class FaultHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        return response switch
        {
            FaultResponse fault => throw fault.Exception,
            CutResponse => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutStream("""{ "id": "ch_cut", "sta"""u8.ToArray())) },
            _ => response,
        };
    }
}

internal sealed class LambdaHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => send(request, cancellationToken);
}

internal sealed record RecordedAttempt(HttpMethod Method, Uri Uri, string? IdempotencyKey, string? Authorization, string? ContentType, string? Body, DateTimeOffset At);
