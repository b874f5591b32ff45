namespace Payments.Client.Tests.Edges.Support;

/// <summary>
/// An in-memory API that enforces exactly the documented test-mode bucket (50 at once, 25 per second) on
/// a fake clock, and models the one thing that makes an exactly matched client meet 429s: connections.
/// A request on a new connection reaches the server after a handshake (100 ms); one on a connection that
/// already answered arrives 1 ms later. So a first burst arrives late, the bucket cannot bank refill
/// while it is full, and requests on warm connections catch up with it.
/// </summary>
internal sealed class DocumentedBucketServer(TimeProvider time) : HttpMessageHandler
{
    private const double Burst = 50;
    private const double PerSecond = 25;
    private static readonly TimeSpan Handshake = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Warm = TimeSpan.FromMilliseconds(1);

    private readonly object _gate = new();
    private double _tokens = Burst;
    private long _updated = time.GetTimestamp();
    private int _idleConnections;

    public int Accepted { get; private set; }

    public int Rejected { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TimeSpan latency;
        lock (_gate)
        {
            latency = _idleConnections > 0 ? Warm : Handshake;
            _idleConnections -= _idleConnections > 0 ? 1 : 0;
        }

        await Task.Delay(latency, time, cancellationToken).ConfigureAwait(false);
        bool accepted;
        lock (_gate)
        {
            long now = time.GetTimestamp();
            _tokens = Math.Min(Burst, _tokens + (time.GetElapsedTime(_updated, now).TotalSeconds * PerSecond));
            _updated = now;
            accepted = _tokens >= 1;
            if (accepted)
            {
                _tokens -= 1;
                Accepted++;
            }
            else
            {
                Rejected++;
            }

            _idleConnections++;
        }

        var response = accepted
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{ "id": "ch_paced", "status": "succeeded" }""", Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("""{ "error": { "code": "rate_limited" } }""", Encoding.UTF8, "application/json") };
        if (!accepted)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", "1");
        }

        response.RequestMessage = request;
        return response;
    }
}
