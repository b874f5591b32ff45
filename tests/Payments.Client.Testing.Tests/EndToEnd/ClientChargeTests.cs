namespace Payments.Client.Testing.Tests.EndToEnd;

/// <summary>The real SDK client against the fake over loopback: the happy path and each typed error.</summary>
public sealed class ClientChargeTests : FakeApiTests
{
    [Theory]
    [InlineData(PaymentsWireFormat.V1)]
    [InlineData(PaymentsWireFormat.Enveloped)]
    public async Task A_charge_succeeds_in_either_wire_format(PaymentsWireFormat format)
    {
        PaymentsClient client = Clients.For(Api, format);

        ChargeResult result = await client.ChargeAsync(Request() with
        {
            Currency = "USD",
            Description = "Pro plan",
            Metadata = new Dictionary<string, string> { ["order_id"] = "ord_1" },
        });

        FakeCharge held = Assert.Single(Api.Charges);
        Assert.Equal(held.Id, result.Charge.Id);
        Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
        Assert.Equal((2500L, "usd", TestCustomers.Default), (result.Charge.Amount, result.Charge.Currency, result.Charge.CustomerId));
        Assert.Equal("ord_1", result.Charge.Metadata["order_id"]);
        Assert.Equal("Pro plan", result.Charge.Description);
        Assert.Equal(1, result.Attempts);
        Assert.False(result.Replayed);
        Assert.Equal(result.IdempotencyKey, held.IdempotencyKey);
        Assert.Equal(format, held.WireFormat);
        Assert.NotNull(result.RequestId);
    }

    [Fact]
    public async Task An_enveloped_charge_without_a_payment_method_uses_the_customers_default()
    {
        ChargeResult result = await Clients.For(Api, PaymentsWireFormat.Enveloped).ChargeAsync(new ChargeRequest { Amount = 900, Currency = "eur", CustomerId = TestCustomers.Default });

        Assert.Equal(TestPaymentMethods.Succeeds, result.Charge.PaymentMethodId);
    }

    [Theory]
    [InlineData(TestPaymentMethods.InsufficientFunds, "insufficient_funds")]
    [InlineData(TestPaymentMethods.LostCard, "lost_card")]
    [InlineData(TestPaymentMethods.ExpiredCard, "expired_card")]
    public async Task A_decline_is_a_CardDeclinedException_with_its_failure_reason(string paymentMethod, string reason)
    {
        CardDeclinedException declined = await Assert.ThrowsAsync<CardDeclinedException>(() => Clients.For(Api).ChargeAsync(Request(paymentMethod)));

        Assert.Equal(new FailureReason(reason), declined.FailureReason);
        Assert.Equal((402, "card_declined", 1), (declined.StatusCode, declined.ErrorCode, declined.Attempts));
        Assert.NotNull(declined.IdempotencyKey);

        // Each sentence of the message ends with one period.
        Assert.Contains($"The card was declined ({reason}). Idempotency key: ", declined.Message);
        Assert.DoesNotContain("..", declined.Message);
    }

    [Fact]
    public async Task Each_documented_refusal_is_its_typed_exception()
    {
        PaymentsClient client = Clients.For(Api);

        await Assert.ThrowsAsync<InvalidRequestException>(() => client.ChargeAsync(Request() with { Amount = 49 }));
        await Assert.ThrowsAsync<InvalidRequestException>(() => client.ChargeAsync(Request(TestPaymentMethods.OtherCustomers)));
        await Assert.ThrowsAsync<UnprocessableRequestException>(() => client.ChargeAsync(Request() with { Currency = "xau" }));
        await Assert.ThrowsAsync<NotFoundException>(() => client.ChargeAsync(Request() with { CustomerId = "cus_nobody" }));
        await Assert.ThrowsAsync<NotFoundException>(() => client.GetChargeAsync("ch_missing"));

        await client.ChargeAsync(Request() with { IdempotencyKey = "order-7" });
        IdempotencyConflictException conflict = await Assert.ThrowsAsync<IdempotencyConflictException>(() => client.ChargeAsync(Request() with { IdempotencyKey = "order-7", Amount = 9999 }));
        Assert.Equal("idempotency_conflict", conflict.ErrorCode);

        var wrongKey = new PaymentsClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, TestClientOptions.For(Api.BaseAddress, "sk_test_wrong"));
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => wrongKey.ChargeAsync(Request()));
    }

    [Fact]
    public async Task Sending_the_same_key_again_returns_the_original_charge_marked_replayed()
    {
        PaymentsClient client = Clients.For(Api);

        ChargeResult first = await client.ChargeAsync(Request() with { IdempotencyKey = "order-8" });
        ChargeResult again = await client.ChargeAsync(Request() with { IdempotencyKey = "order-8" });

        Assert.Equal(first.Charge.Id, again.Charge.Id);
        Assert.Single(Api.Charges);
        Assert.False(first.Replayed, "the first answer for a key is fresh");
        Assert.True(again.Replayed, "the fake answered the second call from its idempotency store");
        Assert.NotEqual(first.RequestId, again.RequestId);
    }

    [Fact]
    public async Task A_read_carries_its_request_id_and_attempts_but_no_key()
    {
        PaymentsClient client = Clients.For(Api);
        ChargeResult charged = await client.ChargeAsync(Request());

        ChargeResult read = await client.GetChargeAsync(charged.Charge.Id);

        Assert.Equal(charged.Charge.Id, read.Charge.Id);
        Assert.StartsWith("req_", read.RequestId, StringComparison.Ordinal);
        Assert.Equal((1, null, false), (read.Attempts, read.IdempotencyKey, read.Replayed));
    }

    [Fact]
    public async Task A_pending_charge_is_followed_by_GET_until_it_settles()
    {
        PaymentsClient client = Clients.For(Api);

        ChargeResult pending = await client.ChargeAsync(Request(TestPaymentMethods.PendingThenFails));
        Assert.Equal(ChargeStatus.Pending, pending.Charge.Status);
        Assert.Equal(ChargeStatus.Pending, (await client.GetChargeAsync(pending.Charge.Id)).Charge.Status);

        await Api.SettlePendingAsync(pending.Charge.Id);
        Charge settled = (await client.GetChargeAsync(pending.Charge.Id)).Charge;

        Assert.Equal(ChargeStatus.Failed, settled.Status);
        Assert.Equal(FailureReason.InsufficientFunds, settled.FailureReason);
        Assert.NotNull(settled.UpdatedAt);
    }

    internal static ChargeRequest Request(string paymentMethod = TestPaymentMethods.Succeeds) => new()
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = TestCustomers.Default,
        PaymentMethodId = paymentMethod,
    };
}
