namespace Payments.Client.Testing.Tests.Models;

/// <summary>What a merchant's test builds to stand in for the client: the same facts the client itself would set.</summary>
public sealed class ModelFactoryTests
{
    [Fact]
    public void A_charge_result_carries_the_charge_key_and_attempts()
    {
        ChargeResult result = PaymentsModelFactory.ChargeResult(PaymentsModelFactory.Charge("ch_9", ChargeStatus.Pending, amount: 990), idempotencyKey: "order-9", attempts: 2, replayed: true);

        Assert.Equal("ch_9", result.Charge.Id);
        Assert.Equal(ChargeStatus.Pending, result.Charge.Status);
        Assert.Equal(990, result.Charge.Amount);
        Assert.Equal("order-9", result.IdempotencyKey);
        Assert.Equal(2, result.Attempts);
        Assert.True(result.Replayed);
    }

    [Fact]
    public void Each_exception_has_the_status_and_code_the_client_would_give_it()
    {
        CardDeclinedException declined = PaymentsModelFactory.CardDeclined(FailureReason.InsufficientFunds, idempotencyKey: "order-1");
        Assert.Equal((402, "card_declined", "order-1"), (declined.StatusCode, declined.ErrorCode, declined.IdempotencyKey));
        Assert.Equal(FailureReason.InsufficientFunds, declined.FailureReason);

        RateLimitedException limited = PaymentsModelFactory.RateLimited(TimeSpan.FromSeconds(3));
        Assert.Equal((429, TimeSpan.FromSeconds(3)), (limited.StatusCode, limited.RetryAfter));

        Assert.Equal(401, PaymentsModelFactory.AuthenticationFailed().StatusCode);
        Assert.Equal(400, PaymentsModelFactory.InvalidRequest().StatusCode);
        Assert.Equal(404, PaymentsModelFactory.NotFound().StatusCode);
        Assert.Equal(409, PaymentsModelFactory.IdempotencyConflict().StatusCode);
        Assert.Equal(422, PaymentsModelFactory.UnprocessableRequest().StatusCode);
        Assert.Equal(503, PaymentsModelFactory.ServerError(503).StatusCode);
        Assert.Equal(0, PaymentsModelFactory.ConnectionFailed().StatusCode);
        Assert.Equal(0, PaymentsModelFactory.RequestTimeout().StatusCode);
        Assert.Equal(0, PaymentsModelFactory.CircuitOpen().StatusCode);
        Assert.IsAssignableFrom<ConnectionFailedException>(PaymentsModelFactory.RequestTimeout()); // as the client's own

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        PaymentsCanceledException canceled = PaymentsModelFactory.Canceled(attempts: 0, cancellationToken: cts.Token);
        Assert.Equal(cts.Token, canceled.CancellationToken);
        Assert.False(canceled.MayHaveReachedApi);
    }
}
