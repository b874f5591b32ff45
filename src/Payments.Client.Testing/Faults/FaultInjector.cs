using System.Globalization;
using Payments.Client.Testing.Faults;

namespace Payments.Client.Testing;

/// <summary>
/// Injects faults into the fake's next requests, in order: each call queues faults, and each incoming
/// request (any route) takes the next one. Calls chain: <c>api.Faults.FailNext(2, 503).DropNext()</c>.
/// When the queue is empty and <see cref="UseRandom"/> is on, a random fault may be drawn instead.
/// Faults come before authentication and rate limiting, as a proxy's would.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly Queue<Fault> _queue = new();
    private RandomFaults? _random;

    internal FaultInjector()
    {
    }

    /// <summary>Faults queued and not yet taken by a request.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/>, without processing them.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">An error status, 400 to 599; 500, 502, 503 and 504 carry <c>processing_error</c>.</param>
    /// <param name="body">The documented error body, an HTML page, or nothing.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector FailNext(int count = 1, int statusCode = 500, FaultBody body = FaultBody.Json)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return Enqueue(count, new Fault(FaultKind.Fail) { Status = statusCode, Body = body });
    }

    /// <summary>Answers the next requests with 429 <c>rate_limited</c> and <c>Retry-After: &lt;seconds&gt;</c> (rounded up).</summary>
    /// <param name="retryAfter">The wait to ask for; <see cref="TimeSpan.Zero"/> asks for none.</param>
    /// <param name="count">How many requests.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector RateLimitNext(TimeSpan retryAfter, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return Enqueue(count, new Fault(FaultKind.RateLimit) { Status = 429, RetryAfter = Seconds(retryAfter) });
    }

    /// <summary>Answers the next requests with 429 <c>rate_limited</c> and <c>Retry-After</c> as an HTTP-date (RFC 9110).</summary>
    /// <param name="retryAt">When to come back. HTTP-dates have whole seconds.</param>
    /// <param name="count">How many requests.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector RateLimitNext(DateTimeOffset retryAt, int count = 1) =>
        Enqueue(count, new Fault(FaultKind.RateLimit) { Status = 429, RetryAfter = retryAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture) });

    /// <summary>
    /// Processes the next requests at once but holds each response back for <paramref name="delay"/>, on the
    /// fake's <see cref="FakePaymentsApiOptions.TimeProvider"/> (a fake clock must be advanced). A charge is
    /// made before the wait, so a client that times out and retries with the same key gets the stored response.
    /// The wait ends early if the client disconnects.
    /// </summary>
    /// <param name="delay">How long to hold each response.</param>
    /// <param name="count">How many requests.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector DelayNext(TimeSpan delay, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return Enqueue(count, new Fault(FaultKind.Delay) { Delay = delay });
    }

    /// <summary>Drops the connection of the next requests before processing them (the client sees a network failure).</summary>
    /// <param name="count">How many requests.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector DropNext(int count = 1) => Enqueue(count, new Fault(FaultKind.Drop));

    /// <summary>
    /// Processes the next requests (a charge is recorded and its key remembered), then answers
    /// <paramref name="statusCode"/> instead of the real response: the client must retry with the same key,
    /// and the retry gets the original charge without a second one.
    /// </summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">500, 502, 503 or 504 by the contract; any 400 to 599 is accepted.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector ChargeThenFail(int count = 1, int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return Enqueue(count, new Fault(FaultKind.ProcessThenFail) { Status = statusCode });
    }

    /// <summary>Processes the next requests (a charge is recorded), then drops the connection instead of answering.</summary>
    /// <param name="count">How many requests.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector ChargeThenDrop(int count = 1) => Enqueue(count, new Fault(FaultKind.ProcessThenDrop));

    /// <summary>
    /// Processes the next requests (a charge is recorded), then sends the status, the headers and half of the body
    /// before dropping the connection: what a proxy reset mid-response looks like to the client.
    /// </summary>
    /// <param name="count">How many requests.</param>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector ChargeThenCutBody(int count = 1) => Enqueue(count, new Fault(FaultKind.ProcessThenCutBody));

    /// <summary>Draws a random fault for every request the queue does not claim; null turns random faults off.</summary>
    /// <param name="options">The seed and the rates.</param>
    /// <returns>This injector, to chain.</returns>
    /// <exception cref="ArgumentException">A rate is outside 0 to 1, or they add up to more than 1.</exception>
    public FaultInjector UseRandom(RandomFaultOptions? options)
    {
        RandomFaults? random = options is null ? null : new RandomFaults(options);
        lock (_gate)
        {
            _random = random;
        }

        return this;
    }

    /// <summary>Removes every queued fault and turns random faults off.</summary>
    /// <returns>This injector, to chain.</returns>
    public FaultInjector Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _random = null;
        }

        return this;
    }

    internal static string Seconds(TimeSpan wait) => ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="now"/> plus <paramref name="wait"/>, rounded up to a whole second (HTTP-dates have none), so the client never waits less than asked.</summary>
    internal static string HttpDate(DateTimeOffset now, TimeSpan wait)
    {
        DateTimeOffset at = now.ToUniversalTime() + wait;
        long ticks = (at.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return new DateTimeOffset(ticks, TimeSpan.Zero).ToString("r", CultureInfo.InvariantCulture);
    }

    internal Fault? Next(DateTimeOffset now)
    {
        RandomFaults? random;
        lock (_gate)
        {
            if (_queue.TryDequeue(out Fault? fault))
            {
                return fault;
            }

            random = _random;
        }

        return random?.Next(now);
    }

    private FaultInjector Enqueue(int count, Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                _queue.Enqueue(fault);
            }
        }

        return this;
    }
}
