using Polly;

namespace Payments.Client.Pipeline;

/// <summary>One logical call: what every attempt sends, and what the retry rules need to know about it.</summary>
internal sealed class CallState
{
    /// <summary>Where the pipeline's strategies find the call in <see cref="ResilienceContext.Properties"/>.</summary>
    public static readonly ResiliencePropertyKey<CallState> Key = new("Payments.Client.CallState");

    public CallState(string operation, HttpMethod method, Uri uri, ReadOnlyMemory<byte> body, string? idempotencyKey, long deadlineTimestamp, CancellationToken callerToken)
    {
        Operation = operation;
        Method = method;
        Uri = uri;
        Body = body;
        IdempotencyKey = idempotencyKey;
        DeadlineTimestamp = deadlineTimestamp;
        CallerToken = callerToken;
    }

    /// <summary><c>charge</c> or <c>get_charge</c>, for logs and metrics.</summary>
    public string Operation { get; }

    public HttpMethod Method { get; }

    /// <summary>The one address every attempt is sent to; a response from any other address was redirected.</summary>
    public Uri Uri { get; }

    /// <summary>Empty for a GET.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The one key every attempt carries; null for reads.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>When the overall timeout ends, in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    public long DeadlineTimestamp { get; }

    /// <summary>The caller's token: its cancellation is the caller's, any other is a timeout or a handler's.</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>Attempts handed to the transport; waits refused by the rate limit or the breaker never count.</summary>
    public int Attempts { get; private set; }

    /// <summary>Whether any attempt was handed to the transport, so the API may have acted on it.</summary>
    public bool MayHaveReachedApi => Attempts > 0;

    /// <summary>Counts an attempt at the moment it is handed to the transport.</summary>
    public void HandedToTransport() => Attempts++;

    /// <summary>Whether waiting <paramref name="wait"/> from now would reach the overall deadline: such a wait is never started.</summary>
    /// <remarks>Compared as time spans, so a <c>Retry-After</c> of centuries cannot overflow the timestamp arithmetic.</remarks>
    public bool WaitEndsPastDeadline(TimeSpan wait, TimeProvider time)
    {
        long left = DeadlineTimestamp - time.GetTimestamp();
        return left <= 0 || wait.TotalSeconds >= (double)left / time.TimestampFrequency;
    }
}
