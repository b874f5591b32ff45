namespace Payments.Client.Tests;

/// <summary>
/// The README's code, compiled and run: if the README's tour stops compiling or stops being true,
/// this fails. Keep the two in step. The documentation site includes its regions.
/// </summary>
public class ReadmeExamples
{
    [Fact]
    public async Task The_tour_compiles_and_handles_a_decline()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(402, "card_declined", failureReason: "insufficient_funds"));
        var services = new ServiceCollection();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:ApiKey"] = TestClient.ApiKey }).Build();

        // README: register
        #region register
        services.AddPaymentsClient(configuration.GetSection("Payments"));
        #endregion

        services.AddHttpClient("Payments.Client").ConfigurePrimaryHttpMessageHandler(() => api.Mock);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClient payments = provider.GetRequiredService<IPaymentsClient>();
        var log = new List<string>();

        // README: charge and handle errors
        #region charge
        var request = new ChargeRequest
        {
            Amount = Money.ToMinorUnits(25.00m, "usd"),   // 2500: the API takes minor units
            Currency = "usd",
            CustomerId = "cus_123",
            PaymentMethodId = "pm_456",
            IdempotencyKey = "order-1001",                // optional; persist it to retry after a crash
        };
        #endregion

        #region errors
        try
        {
            ChargeResult result = await payments.ChargeAsync(request, CancellationToken.None);
            log.Add($"{result.Charge.Id}: {result.Charge.Status}");   // pending = accepted, not completed
        }
        catch (CardDeclinedException e)
        {
            log.Add($"Declined: {e.FailureReason}");                  // insufficient_funds, lost_card, ...
        }
        catch (InvalidRequestException e)
        {
            log.Add($"Fix the request: {e.Param} {e.ApiMessage}");   // the API's rules: invalid_amount (under 50), invalid_currency, ...
        }
        catch (RateLimitedException e)
        {
            log.Add($"Slow down; retry after {e.RetryAfter}");        // already retried per Retry-After
        }
        catch (PaymentsException e) when (e is ServerErrorException or ConnectionFailedException)
        {
            log.Add($"Unknown outcome; retry with key {e.IdempotencyKey}"); // safe: same key, no double charge
        }
        catch (PaymentsException e)
        {
            log.Add($"{e.GetType().Name} HTTP {e.StatusCode} {e.ErrorCode}"); // authentication, not found, 409, 422
        }
        #endregion

        Assert.Equal(["Declined: insufficient_funds"], log);
    }

    [Fact]
    public async Task The_pending_charge_snippet_compiles_and_returns_the_settled_charge()
    {
        var api = new TestClient();
        api.Script("https://api.example.com/v1/payments/charges/ch_p", TestClient.Ok("ch_p", "pending"), TestClient.Ok("ch_p", "succeeded"));
        IPaymentsClient payments = api.Client;
        var result = new ChargeResult(new Charge { Id = "ch_p", Status = ChargeStatus.Pending }, "k", null, 1);
        CancellationToken cancellationToken = CancellationToken.None;

        Charge settled = await api.Run(async () =>
        {
            // README: pending charges
            #region pending
            Charge settled = await payments.WaitForCompletionAsync(result.Charge.Id, TimeSpan.FromMinutes(2), cancellationToken);
            if (!settled.Status.IsTerminal) { /* still pending after 2 minutes: check again later */ }
            #endregion

            return settled;
        });

        Assert.Equal(ChargeStatus.Succeeded, settled.Status);
    }

    [Fact]
    public async Task The_readme_tour_is_this_code()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(402, "card_declined", failureReason: "insufficient_funds"));
        var services = new ServiceCollection();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:ApiKey"] = TestClient.ApiKey }).Build();
        var said = new List<string>();
        void Show(string message) => said.Add(message);
        void Fix(string? param, string? message) => said.Add($"fix {param}: {message}");
        void RetryLater(string? key, TimeSpan? after) => said.Add($"retry {key} after {after}");
        services.AddPaymentsClient(configuration.GetSection("Payments"));
        services.AddHttpClient("Payments.Client").ConfigurePrimaryHttpMessageHandler(() => api.Mock);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClient payments = provider.GetRequiredService<IPaymentsClient>();
        CancellationToken cancellationToken = CancellationToken.None;

        // README: the tour, as written there (from `var request`)
        var request = new ChargeRequest
        {
            Amount = Money.ToMinorUnits(25.00m, "usd"),   // 2500: the API takes minor units
            Currency = "usd",
            CustomerId = "cus_123",
            PaymentMethodId = "pm_456",
            IdempotencyKey = "order-1001",                // optional; persist it to retry after a crash
        };
        try
        {
            ChargeResult result = await payments.ChargeAsync(request, cancellationToken);   // Succeeded, Failed or Pending
        }
        catch (CardDeclinedException e)   { Show($"Declined ({e.FailureReason}): try another card"); }   // no money moved
        catch (InvalidRequestException e) { Fix(e.Param, e.ApiMessage); }           // the API's rules: invalid_amount (under 50), ...
        catch (RateLimitedException e)    { RetryLater(e.IdempotencyKey, e.RetryAfter); }   // already retried per Retry-After
        catch (PaymentsException e) when (e is ServerErrorException or ConnectionFailedException)
        {
            RetryLater(e.IdempotencyKey, null);   // unknown outcome: the same key never charges twice
        }

        Assert.Equal(["Declined (insufficient_funds): try another card"], said);
    }
}
