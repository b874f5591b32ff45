namespace Payments.Client.ChaosTests.Chaos;

/// <summary>The checks catch what they claim to: a run doctored with each violation fails its check.</summary>
public sealed class ChaosChecksTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_clean_run_passes() => Assert.Empty(ChaosChecks.All(Run()));

    [Fact]
    public void A_second_charge_for_a_key_is_a_duplicate()
    {
        ChaosRun run = Run() with { Charges = [Charge("ch_1", "k1"), Charge("ch_2", "k1")] };

        Assert.Single(ChaosChecks.AtMostOneChargePerKey(run));
        Assert.Single(ChaosChecks.SuccessMatchesTheServersCharge(run));
    }

    [Fact]
    public void An_untyped_or_missing_outcome_is_lost_and_a_slow_one_hung()
    {
        ChaosRun run = Run() with { Outcomes = [new CallOutcome(0, "k1", null, new InvalidOperationException(), TimeSpan.FromSeconds(60), 1)] };

        Assert.Single(ChaosChecks.EveryCallEndedTyped(run));
        Assert.Single(ChaosChecks.NoCallHung(run));
    }

    [Fact]
    public void A_retry_before_Retry_After_is_caught_in_seconds_and_as_a_date()
    {
        RecordedRequest seconds = Request(1, "k1", T0, "rate-limit (Retry-After: 1)");
        RecordedRequest date = Request(1, "k1", T0, "rate-limit (Retry-After: Sun, 22 Nov 2026 23:00:02 GMT)");

        Assert.Single(ChaosChecks.RetryAfterHonoured(Run() with { Requests = [seconds, Request(2, "k1", T0.AddMilliseconds(900), null)] }));
        Assert.Empty(ChaosChecks.RetryAfterHonoured(Run() with { Requests = [seconds, Request(2, "k1", T0.AddMilliseconds(960), null)] }));
        Assert.Single(ChaosChecks.RetryAfterHonoured(Run() with { Requests = [date, Request(2, "k1", T0.AddSeconds(1.9), null)] }));
        Assert.Empty(ChaosChecks.RetryAfterHonoured(Run() with { Requests = [date, Request(2, "k1", T0.AddSeconds(2), null)] }));
    }

    [Fact]
    public void A_429_the_client_never_read_owes_no_wait_but_one_it_read_does()
    {
        ChaosRun early = Run() with { Requests = [Request(1, "k1", T0, "rate-limit (Retry-After: 1)"), Request(2, "k1", T0.AddMilliseconds(900), null)] };

        Assert.Empty(ChaosChecks.RetryAfterHonoured(early with { ResponsesRead = new HashSet<string> { "2" } }));
        Assert.Single(ChaosChecks.RetryAfterHonoured(early with { ResponsesRead = new HashSet<string> { "1", "2" } }));
    }

    [Fact]
    public void An_attempt_under_another_key_or_with_differing_header_and_body_keys_is_caught()
    {
        ChaosRun run = Run() with { Requests = [Request(1, "k1", T0, null), Request(2, "k1-changed", T0, null), Request(3, "k1", T0, null, bodyKey: "other")] };

        Assert.Equal(2, ChaosChecks.OneKeyPerCall(run).Count());
    }

    private static ChaosRun Run() => new(
        new ChaosSettings(1, 0),
        new PaymentsClientOptions { OverallTimeout = TimeSpan.FromSeconds(15) },
        [new CallOutcome(0, "k1", "ch_1", null, TimeSpan.FromSeconds(1), 1)],
        [Request(1, "k1", T0, null)],
        [Charge("ch_1", "k1")],
        TimeSpan.FromSeconds(1))
    {
        ResponsesRead = Enumerable.Range(1, 9).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(),
    };

    private static RecordedRequest Request(int sequence, string key, DateTimeOffset at, string? fault, string? bodyKey = null) => new()
    {
        Sequence = sequence,
        Method = "POST",
        Path = "/v1/payments/charge",
        Headers = new Dictionary<string, string> { [ResponsesRead.AttemptHeader] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        IdempotencyKey = key,
        Body = $$"""{"idempotency_key":"{{bodyKey ?? key}}"}""",
        ReceivedAt = at,
        StatusCode = fault is null ? 200 : 429,
        Fault = fault,
    };

    private static FakeCharge Charge(string id, string key) => new()
    {
        Id = id,
        Status = ChargeStatus.Succeeded,
        Amount = 1000,
        Currency = "usd",
        CustomerId = TestCustomers.Default,
        PaymentMethodId = TestPaymentMethods.Succeeds,
        Metadata = new Dictionary<string, string>(),
        IdempotencyKey = key,
        WireFormat = PaymentsWireFormat.V1,
        CreatedAt = T0,
        UpdatedAt = T0,
    };
}
