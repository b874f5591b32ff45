namespace Payments.Client.Testing.Tests.Api;

public sealed class IdempotencyTests
{
    [Theory]
    [InlineData(TestPaymentMethods.Succeeds, 200)]
    [InlineData(TestPaymentMethods.LostCard, 402)] // a decline is replayed too
    public async Task The_same_key_and_parameters_replay_the_original_response_without_charging_again(string paymentMethod, int status)
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);

        RawResponse first = await raw.ChargeV1Async("order-1", paymentMethod: paymentMethod, metadataJson: "{\"a\":\"1\",\"b\":\"2\"}");
        // Same parameters, different JSON order: still the same request.
        RawResponse again = await raw.ChargeV1Async("order-1", paymentMethod: paymentMethod, metadataJson: "{\"b\":\"2\",\"a\":\"1\"}");

        Assert.Equal((status, status), (first.Status, again.Status));
        Assert.Equal(first.Body, again.Body);
        Assert.Equal("true", again.Header("Idempotent-Replayed"));
        Assert.Null(first.Header("Idempotent-Replayed"));
        Assert.Single(api.Charges);
        Assert.True(api.Requests[1].Replayed);
    }

    [Fact]
    public async Task The_same_key_with_different_parameters_is_409_idempotency_conflict()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);

        await raw.ChargeV1Async("k", amount: 2500);
        RawResponse conflict = await raw.ChargeV1Async("k", amount: 2600);

        Assert.Equal(409, conflict.Status);
        Assert.Equal("idempotency_conflict", conflict.ErrorCode);
        Assert.Single(api.Charges);
    }

    [Fact]
    public async Task A_rejected_request_is_not_remembered_so_it_can_be_fixed_and_resent_with_its_key()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);

        RawResponse rejected = await raw.ChargeV1Async("k", amount: 10);
        RawResponse fixedUp = await raw.ChargeV1Async("k", amount: 1000);

        Assert.Equal((400, 200), (rejected.Status, fixedUp.Status));
    }

    [Fact]
    public async Task Keys_are_remembered_for_24_hours_on_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = time });
        using var raw = new RawApi(api);

        RawResponse first = await raw.ChargeV1Async("k");
        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        RawResponse replay = await raw.ChargeV1Async("k");
        time.Advance(TimeSpan.FromSeconds(1));
        RawResponse fresh = await raw.ChargeV1Async("k");

        Assert.Equal(first.Body, replay.Body);
        Assert.NotEqual(first.Json.GetProperty("id").GetString(), fresh.Json.GetProperty("id").GetString());
        Assert.Equal(2, api.Charges.Count);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_charge_once_and_all_get_the_same_answer()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { RateLimit = { Enabled = false } });
        using var raw = new RawApi(api);

        RawResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => raw.ChargeV1Async("same-key")));

        Assert.Single(api.Charges);
        Assert.All(responses, r => Assert.Equal((200, responses[0].Body), (r.Status, r.Body)));
        Assert.Equal(23, api.Requests.Count(r => r.Replayed));
    }

    [Fact]
    public async Task A_pending_charge_is_replayed_as_it_was_answered_even_after_it_settled()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { PendingDelay = Timeout.InfiniteTimeSpan });
        using var raw = new RawApi(api);

        RawResponse first = await raw.ChargeV1Async("k", paymentMethod: TestPaymentMethods.PendingThenSucceeds);
        await api.SettlePendingAsync();
        RawResponse replay = await raw.ChargeV1Async("k", paymentMethod: TestPaymentMethods.PendingThenSucceeds);

        Assert.Equal("pending", replay.Json.GetProperty("status").GetString());
        Assert.Equal(first.Body, replay.Body);
    }
}
