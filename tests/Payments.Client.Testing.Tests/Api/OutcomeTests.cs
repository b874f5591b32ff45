namespace Payments.Client.Testing.Tests.Api;

public sealed class OutcomeTests
{
    [Theory]
    [InlineData(TestPaymentMethods.Declined, "generic_decline")]
    [InlineData(TestPaymentMethods.InsufficientFunds, "insufficient_funds")]
    [InlineData(TestPaymentMethods.LostCard, "lost_card")]
    [InlineData(TestPaymentMethods.StolenCard, "stolen_card")]
    [InlineData(TestPaymentMethods.ExpiredCard, "expired_card")]
    public async Task Decline_methods_answer_402_card_declined_with_their_failure_reason(string paymentMethod, string reason)
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);

        RawResponse response = await raw.ChargeV1Async("k", paymentMethod: paymentMethod);

        Assert.Equal(402, response.Status);
        System.Text.Json.JsonElement error = response.Json.GetProperty("error");
        Assert.Equal("card_declined", error.GetProperty("code").GetString());
        Assert.Equal("card_error", error.GetProperty("type").GetString());
        Assert.Equal(reason, error.GetProperty("failure_reason").GetString());
        FakeCharge failed = Assert.Single(api.Charges);
        Assert.Equal((ChargeStatus.Failed, reason), (failed.Status, failed.FailureReason));
        Assert.Equal(failed.Id, error.GetProperty("details").GetProperty("charge_id").GetString());
    }

    [Fact]
    public async Task Pending_charges_settle_after_the_pending_delay_on_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = time, PendingDelay = TimeSpan.FromSeconds(30) });
        using var raw = new RawApi(api);

        RawResponse succeeds = await raw.ChargeV1Async("k1", paymentMethod: TestPaymentMethods.PendingThenSucceeds);
        RawResponse fails = await raw.ChargeV1Async("k2", paymentMethod: TestPaymentMethods.PendingThenFails);
        Assert.Equal(("pending", "pending"), (succeeds.Json.GetProperty("status").GetString(), fails.Json.GetProperty("status").GetString()));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.All(api.Charges, c => Assert.True(c.IsPending));

        time.Advance(TimeSpan.FromSeconds(1));
        RawResponse settled = await raw.GetAsync(succeeds.Json.GetProperty("id").GetString()!);
        RawResponse failed = await raw.GetAsync(fails.Json.GetProperty("id").GetString()!);
        Assert.Equal("succeeded", settled.Json.GetProperty("status").GetString());
        Assert.Equal("failed", failed.Json.GetProperty("status").GetString());
        Assert.Equal("insufficient_funds", failed.Json.GetProperty("failure_reason").GetString());
        Assert.Equal(time.GetUtcNow(), api.FindCharge(settled.Json.GetProperty("id").GetString()!)!.UpdatedAt);
    }

    [Fact]
    public async Task SettlePendingAsync_settles_at_once_one_or_all()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { PendingDelay = Timeout.InfiniteTimeSpan });
        using var raw = new RawApi(api);
        string first = (await raw.ChargeV1Async("k1", paymentMethod: TestPaymentMethods.PendingThenSucceeds)).Json.GetProperty("id").GetString()!;
        await raw.ChargeV1Async("k2", paymentMethod: TestPaymentMethods.PendingThenFails);
        await raw.ChargeV1Async("k3", paymentMethod: TestPaymentMethods.Succeeds);

        Assert.Equal(1, await api.SettlePendingAsync(first));
        Assert.Equal(0, await api.SettlePendingAsync(first));
        Assert.Equal(ChargeStatus.Succeeded, api.FindCharge(first)!.Status);
        Assert.Equal(1, await api.SettlePendingAsync());
        Assert.DoesNotContain(api.Charges, c => c.IsPending);
    }
}
