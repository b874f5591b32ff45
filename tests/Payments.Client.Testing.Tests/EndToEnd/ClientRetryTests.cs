namespace Payments.Client.Testing.Tests.EndToEnd;

/// <summary>The real client's retries against injected faults: one key per call, one charge per key.</summary>
public sealed class ClientRetryTests : FakeApiTests
{
    [Fact]
    public async Task A_429_is_retried_after_Retry_After()
    {
        Api.Faults.RateLimitNext(TimeSpan.FromSeconds(1));

        ChargeResult result = await Clients.For(Api).ChargeAsync(ClientChargeTests.Request());

        Assert.Equal(2, result.Attempts);
        IReadOnlyList<RecordedRequest> requests = Api.Requests;
        Assert.Equal([429, 200], requests.Select(r => r.StatusCode ?? -1));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"waited {requests[1].ReceivedAt - requests[0].ReceivedAt}");
        Assert.Single(Api.Charges);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_clients_maximum_fails_fast_with_its_value()
    {
        Api.Faults.RateLimitNext(TimeSpan.FromSeconds(60));

        RateLimitedException limited = await Assert.ThrowsAsync<RateLimitedException>(() => Clients.For(Api).ChargeAsync(ClientChargeTests.Request()));

        Assert.Equal(TimeSpan.FromSeconds(60), limited.RetryAfter);
        Assert.Single(Api.Requests);
    }

    [Fact]
    public async Task An_http_date_Retry_After_in_the_past_is_retried_at_once()
    {
        Api.Faults.RateLimitNext(DateTimeOffset.UtcNow.AddMinutes(-1));

        ChargeResult result = await Clients.For(Api).ChargeAsync(ClientChargeTests.Request());

        Assert.Equal(2, result.Attempts);
    }

    [Theory]
    [InlineData(500, FaultBody.Json)]
    [InlineData(502, FaultBody.Html)]
    [InlineData(503, FaultBody.Empty)]
    [InlineData(504, FaultBody.Json)]
    public async Task Server_errors_are_retried_with_the_same_key(int status, FaultBody body)
    {
        Api.Faults.FailNext(2, status, body);

        ChargeResult result = await Clients.For(Api).ChargeAsync(ClientChargeTests.Request());

        Assert.Equal(3, result.Attempts);
        Assert.All(Api.Requests, r => Assert.Equal(result.IdempotencyKey, r.IdempotencyKey));
        Assert.All(Api.Requests, r => Assert.Contains($"\"idempotency_key\":\"{result.IdempotencyKey}\"", r.Body, StringComparison.Ordinal));
        Assert.Equal(result.Charge.Id, Assert.Single(Api.Charges).Id);
    }

    [Fact]
    public async Task Server_errors_beyond_the_attempts_end_in_a_ServerErrorException_carrying_the_key()
    {
        Api.Faults.FailNext(4, 503);

        ServerErrorException failed = await Assert.ThrowsAsync<ServerErrorException>(() => Clients.For(Api).ChargeAsync(ClientChargeTests.Request()));

        Assert.Equal((503, 4), (failed.StatusCode, failed.Attempts));
        Assert.All(Api.Requests, r => Assert.Equal(failed.IdempotencyKey, r.IdempotencyKey));
        Assert.Empty(Api.Charges);
    }

    [Theory]
    [InlineData("charge-then-drop", 2, true)] // the retry is answered with the response the first attempt stored
    [InlineData("charge-then-cut-body", 2, true)]
    [InlineData("charge-then-fail 503", 3, true)]
    [InlineData("drop", 3, false)] // dropped before charging: nothing was stored for the key before the attempt that charged
    public async Task A_lost_or_failed_answer_is_retried_with_the_same_key_and_charges_once(string fault, int attempts, bool replayed)
    {
        _ = fault switch
        {
            "charge-then-drop" => Api.Faults.ChargeThenDrop(),
            "charge-then-cut-body" => Api.Faults.ChargeThenCutBody(),
            "charge-then-fail 503" => Api.Faults.ChargeThenFail(2, 503),
            "drop" => Api.Faults.DropNext(2),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault in this theory"),
        };

        ChargeResult result = await Clients.For(Api).ChargeAsync(ClientChargeTests.Request());

        Assert.Equal(attempts, result.Attempts);
        Assert.Equal(result.Charge.Id, Assert.Single(Api.Charges).Id);
        Assert.Equal(fault, Api.Requests[0].Fault);
        Assert.All(Api.Requests, r => Assert.Equal(result.IdempotencyKey, r.IdempotencyKey));
        Assert.Equal((replayed, replayed), (Api.Requests[^1].Replayed, result.Replayed));
    }

    [Fact]
    public async Task An_attempt_timeout_on_a_held_response_is_retried_and_replayed_without_a_second_charge()
    {
        // The fake holds the first response far longer than the test; the client's attempt timeout runs on a fake clock,
        // so "the attempt timed out" is decided by the test, not by how fast a loaded machine answers the retry.
        Api.Faults.DelayNext(TimeSpan.FromMinutes(5));
        PaymentsClientOptions options = TestClientOptions.For(
            Api.BaseAddress, Api.ApiKey, baseDelay: TimeSpan.FromMilliseconds(10), maxDelay: TimeSpan.FromSeconds(2),
            attemptTimeout: TimeSpan.FromSeconds(30), overallTimeout: TimeSpan.FromMinutes(2));
        var clock = new TestClock();
        var client = new PaymentsClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options, clock);

        Task<ChargeResult> call = client.ChargeAsync(ClientChargeTests.Request());
        await Eventually.WaitUntilAsync(() => Api.Requests.Count == 1 && Api.Requests[0].Fault is not null, "the first attempt to be held by the fake");
        // The held attempt leaves only deadlines armed: the earliest is its own 30 s timeout.
        Assert.Equal(options.AttemptTimeout, clock.AdvanceToNextTimer());

        // The retry's backoff (10 ms base, jitter within [0.8, 1.2)) is the next wait; the clock moves exactly to it.
        await clock.WaitForWaitsAsync(1, "the retry to wait its backoff");
        Assert.InRange(clock.AdvanceToNextTimer(), TimeSpan.FromMilliseconds(8), TimeSpan.FromMilliseconds(12));

        ChargeResult result = await Eventually.Within(call, "the retry to be answered from the idempotency replay");

        Assert.Equal(2, result.Attempts);
        Assert.Equal(result.Charge.Id, Assert.Single(Api.Charges).Id);
        Assert.True(Api.Requests[1].Replayed);
        Assert.True(result.Replayed, "the retry was answered with the response the first attempt stored");
    }
}
