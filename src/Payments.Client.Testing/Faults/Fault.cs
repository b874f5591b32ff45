namespace Payments.Client.Testing.Faults;

/// <summary>What happens to one request instead of (or on top of) normal processing.</summary>
internal enum FaultKind
{
    /// <summary>Answer an error without processing.</summary>
    Fail,

    /// <summary>Answer 429 with a given <c>Retry-After</c> without processing.</summary>
    RateLimit,

    /// <summary>Process, then hold the response back.</summary>
    Delay,

    /// <summary>Abort the connection without processing.</summary>
    Drop,

    /// <summary>Process (a charge is recorded), then answer an error instead.</summary>
    ProcessThenFail,

    /// <summary>Process (a charge is recorded), then abort the connection.</summary>
    ProcessThenDrop,

    /// <summary>Process (a charge is recorded), send the headers and half the body, then abort: a reset mid-response.</summary>
    ProcessThenCutBody,
}

/// <summary>One injected fault, consumed by one request.</summary>
internal sealed record Fault(FaultKind Kind)
{
    public int Status { get; init; } = 500;

    public FaultBody Body { get; init; } = FaultBody.Json;

    /// <summary>The <c>Retry-After</c> header value, as sent (delta-seconds or an HTTP-date).</summary>
    public string? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>How the request log names it.</summary>
    public string Describe() => Kind switch
    {
        FaultKind.Fail => $"fail {Status}",
        FaultKind.RateLimit => $"rate-limit (Retry-After: {RetryAfter})",
        FaultKind.Delay => $"delay {Delay.TotalMilliseconds:0} ms",
        FaultKind.Drop => "drop",
        FaultKind.ProcessThenFail => $"charge-then-fail {Status}",
        FaultKind.ProcessThenCutBody => "charge-then-cut-body",
        _ => "charge-then-drop",
    };
}
