namespace Payments.Client.Pipeline;

/// <summary>One logical call: what every attempt sends, and what the retry rules need to know about it.</summary>
internal sealed class CallState
{
    public CallState(string operation, HttpMethod method, Uri uri, ReadOnlyMemory<byte> body, string? idempotencyKey, long deadlineTimestamp)
    {
        Operation = operation;
        Method = method;
        Uri = uri;
        Body = body;
        IdempotencyKey = idempotencyKey;
        DeadlineTimestamp = deadlineTimestamp;
    }

    /// <summary><c>charge</c> or <c>get_charge</c>, for logs and metrics.</summary>
    public string Operation { get; }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    /// <summary>Empty for a GET.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The one key every attempt carries; null for reads.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>When the overall timeout ends, in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    public long DeadlineTimestamp { get; }

    public int Attempts { get; set; }

    /// <summary>Whether waiting <paramref name="wait"/> from now would reach the overall deadline: such a wait is never started.</summary>
    public bool WaitEndsPastDeadline(TimeSpan wait, TimeProvider time) =>
        time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency) >= DeadlineTimestamp;
}
