using Microsoft.Extensions.Options;

namespace Payments.Client.Testing.Tests.Docs;

/// <summary>
/// The code of the how-to pages under docs/articles/how-to/, compiled and run against the fake API: each region
/// is included by a page, and each test checks the page's claim (one charge per key, a decline is replayed, ...).
/// </summary>
public sealed class HowToExamples
{
    private static readonly ChargeRequest request = new()
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = TestCustomers.Default,
        PaymentMethodId = TestPaymentMethods.Succeeds,
        IdempotencyKey = "order-1001",
    };

    [Fact]
    public async Task An_unknown_outcome_is_retried_later_with_its_key_and_charges_once()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        IPaymentsClient payments = Clients.For(api);
        CancellationToken cancellationToken = Timeouts.Short;
        api.Faults.ChargeThenFail(4, 500);   // every attempt charges (the first) or replays, and the answer is lost
        var retryLater = new List<string>();

        #region unknown-outcome
        try
        {
            ChargeResult result = await payments.ChargeAsync(request, cancellationToken);
        }
        catch (PaymentsException e) when (e is ServerErrorException or ConnectionFailedException)
        {
            // The charge may exist (RequestTimeoutException is a ConnectionFailedException too). The client already
            // retried with this key; keep it with the order and charge again later with the same request and key.
            retryLater.Add(e.IdempotencyKey!);
        }
        #endregion

        string key = Assert.Single(retryLater);
        #region retry-with-key
        ChargeResult retried = await payments.ChargeAsync(request with { IdempotencyKey = key }, cancellationToken);
        // retried.Replayed is true when an earlier attempt had charged: the API answers with that charge, never a second one.
        #endregion

        Assert.True(retried.Replayed);
        Assert.Equal(ChargeStatus.Succeeded, retried.Charge.Status);
        Assert.Single(api.Charges);
    }

    [Fact]
    public async Task A_decline_is_replayed_for_its_key_and_another_card_needs_a_new_key()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        IPaymentsClient payments = Clients.For(api);
        CancellationToken cancellationToken = Timeouts.Short;
        ChargeRequest declining = request with { PaymentMethodId = TestPaymentMethods.InsufficientFunds };
        string? message = null;

        #region card-declined
        try
        {
            await payments.ChargeAsync(declining, cancellationToken);
        }
        catch (CardDeclinedException e)
        {
            // No money moved. The same request and key get the same decline back: ask for another payment method,
            // and charge it under a new key.
            message = e.FailureReason == FailureReason.InsufficientFunds
                ? "Your card was declined for insufficient funds. Try another card."
                : "Your card was declined. Try another card.";
        }
        #endregion

        CardDeclinedException again = await Assert.ThrowsAsync<CardDeclinedException>(() => payments.ChargeAsync(declining, cancellationToken));
        ChargeResult other = await payments.ChargeAsync(request with { IdempotencyKey = "order-1001-2" }, cancellationToken);

        Assert.StartsWith("Your card was declined for insufficient funds", message, StringComparison.Ordinal);
        Assert.Equal(FailureReason.InsufficientFunds, again.FailureReason);
        Assert.Equal(ChargeStatus.Succeeded, other.Charge.Status);
        Assert.Equal([ChargeStatus.Failed, ChargeStatus.Succeeded], api.Charges.Select(c => c.Status));
    }

    [Fact]
    public async Task A_restarted_process_charges_again_with_the_stored_key_and_gets_the_first_charge()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        IPaymentsClient payments = Clients.For(api);
        CancellationToken cancellationToken = Timeouts.Short;
        string orderId = "1001";
        ChargeResult first = await payments.ChargeAsync(request with { IdempotencyKey = "order-" + orderId }, cancellationToken);

        #region crash-mid-charge
        // The key is derived from the order (or stored with it before the call), so a restarted process has it.
        string key = "order-" + orderId;
        ChargeResult result = await payments.ChargeAsync(request with { IdempotencyKey = key }, cancellationToken);
        // result.Replayed: true when the crashed process's request had charged (this is that charge);
        // false when it never reached the API (this call made the charge).
        #endregion

        Assert.True(result.Replayed);
        Assert.Equal(first.Charge.Id, result.Charge.Id);
        Assert.Single(api.Charges);
    }

    [Fact]
    public async Task Rate_limit_and_retry_options_are_set_in_code()
    {
        var services = new ServiceCollection();
        string apiKey = "sk_test_docs";

        #region retry-options
        services.AddPaymentsClient(options =>
        {
            options.ApiKey = apiKey;
            options.Retry.MaxAttempts = 6;                          // default 4, the first attempt included
            options.Retry.MaxDelay = TimeSpan.FromSeconds(60);      // a longer Retry-After than this fails at once
            options.OverallTimeout = TimeSpan.FromMinutes(3);       // and so does one that would end past this
            options.RateLimit.RequestsPerSecond = 10;               // the client's own pace, below the API's limit
            options.RateLimit.Burst = 20;
        });
        #endregion

        await using ServiceProvider provider = services.BuildServiceProvider();
        PaymentsClientOptions options = provider.GetRequiredService<IOptions<PaymentsClientOptions>>().Value;
        Assert.Equal((6, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(3), 10, 20),
            (options.Retry.MaxAttempts, options.Retry.MaxDelay, options.OverallTimeout, options.RateLimit.RequestsPerSecond, options.RateLimit.Burst));
    }
}
