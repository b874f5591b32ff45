namespace Payments.Client.ChaosTests.Chaos;

/// <summary>What a run left behind: the caller's outcomes, the server's own records, and which answers the client read.</summary>
public sealed record ChaosRun(
    ChaosSettings Settings,
    PaymentsClientOptions ClientOptions,
    IReadOnlyList<CallOutcome> Outcomes,
    IReadOnlyList<RecordedRequest> Requests,
    IReadOnlyList<FakeCharge> Charges,
    TimeSpan WallTime)
{
    /// <summary>The attempts (their <see cref="ResponsesRead.AttemptHeader"/>) whose response the client read to the end.</summary>
    public IReadOnlySet<string> ResponsesRead { get; init; } = new HashSet<string>();

    /// <summary>Whether the client read this request's response, so it could act on it (a timed-out attempt did not).</summary>
    public bool ClientRead(RecordedRequest request) =>
        request.Headers.TryGetValue(Chaos.ResponsesRead.AttemptHeader, out string? attempt) && ResponsesRead.Contains(attempt);
}
