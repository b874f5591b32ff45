using Payments.Client.Testing;

namespace Payments.Client.ChaosTests.Chaos;

/// <summary>What a run left behind: the caller's outcomes and the server's own records.</summary>
public sealed record ChaosRun(
    ChaosSettings Settings,
    PaymentsClientOptions ClientOptions,
    IReadOnlyList<CallOutcome> Outcomes,
    IReadOnlyList<RecordedRequest> Requests,
    IReadOnlyList<FakeCharge> Charges,
    TimeSpan WallTime);
