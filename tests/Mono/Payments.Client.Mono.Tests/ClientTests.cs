using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Mono.Tests;

/// <summary>
/// The client as a .NET Framework merchant uses it (AddPaymentsClient, IHttpClientFactory, Polly), over real
/// loopback sockets to the fake API. Retries wait on the real clock here (the fake is another process), so
/// the retry settings are short and every bound is generous.
/// </summary>
public sealed class ClientTests
{
    private const string Customer = "cus_test_default";

    [Fact]
    public async Task A_charge_succeeds_through_dependency_injection()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        using ServiceProvider provider = Services(api);

        ChargeResult result = await provider.GetRequiredService<IPaymentsClient>().ChargeAsync(Charge("pm_test_succeeds"));

        Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
        Assert.Equal(2500, result.Charge.Amount);
        Assert.StartsWith("ch_", result.Charge.Id, StringComparison.Ordinal);
        Assert.Equal(1, result.Attempts);
        Assert.Equal($"posts {result.IdempotencyKey}", await api.SendAsync("posts"));
    }

    [Fact]
    public async Task A_declined_card_throws_CardDeclinedException_with_the_reason_and_the_key()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        using ServiceProvider provider = Services(api);

        var declined = await Assert.ThrowsAsync<CardDeclinedException>(() =>
            provider.GetRequiredService<IPaymentsClient>().ChargeAsync(Charge("pm_test_insufficient_funds")));

        Assert.Equal(FailureReason.InsufficientFunds, declined.FailureReason);
        Assert.Equal(402, declined.StatusCode);
        Assert.Equal($"posts {declined.IdempotencyKey}", await api.SendAsync("posts"));
    }

    [Fact]
    public async Task A_wrong_api_key_throws_AuthenticationFailedException_without_the_key_in_the_message()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        using ServiceProvider provider = Services(api, apiKey: "sk_test_wrongwrongwrongwrong");

        var failed = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            provider.GetRequiredService<IPaymentsClient>().ChargeAsync(Charge("pm_test_succeeds")));

        Assert.Equal(401, failed.StatusCode);
        Assert.DoesNotContain("sk_test_wrong", failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_the_same_idempotency_key()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        await api.SendAsync("fail-next 2 503");
        using ServiceProvider provider = Services(api);

        ChargeResult result = await provider.GetRequiredService<IPaymentsClient>().ChargeAsync(Charge("pm_test_succeeds"));

        Assert.Equal(3, result.Attempts);
        string key = result.IdempotencyKey!;
        Assert.Equal($"posts {key} {key} {key}", await api.SendAsync("posts"));
        Assert.Equal("charges 1", await api.SendAsync("charges"));
    }

    [Fact]
    public async Task Retry_After_is_waited_before_the_retry()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        await api.SendAsync("rate-limit-next 1 1");
        using ServiceProvider provider = Services(api);

        var clock = Stopwatch.StartNew();
        ChargeResult result = await provider.GetRequiredService<IPaymentsClient>().ChargeAsync(Charge("pm_test_succeeds"));
        clock.Stop();

        Assert.Equal(2, result.Attempts);
        // The 1 s the server asked for, less timer granularity; the retry's own backoff is shorter (see Services).
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed.TotalMilliseconds} ms, before the Retry-After of 1 s");
        Assert.Equal($"posts {result.IdempotencyKey} {result.IdempotencyKey}", await api.SendAsync("posts"));
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried_with_the_same_key()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        await api.SendAsync("delay-next 60 1");
        using ServiceProvider provider = Services(api, attemptTimeout: TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        ChargeResult result = await provider.GetRequiredService<IPaymentsClient>().ChargeAsync(Charge("pm_test_succeeds"));
        clock.Stop();

        // The held response would take 60 s; the 1 s attempt timeout must end it on Mono's HttpClient too.
        Assert.Equal(2, result.Attempts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed.TotalSeconds} s: the attempt timeout did not end the held request");
        Assert.Equal($"posts {result.IdempotencyKey} {result.IdempotencyKey}", await api.SendAsync("posts"));
        Assert.Equal("charges 1", await api.SendAsync("charges"));
    }

    [Fact]
    public async Task A_charge_that_succeeded_before_the_response_failed_is_replayed_not_charged_twice()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        await api.SendAsync("charge-then-fail 1 500");
        using ServiceProvider provider = Services(api);

        ChargeResult result = await provider.GetRequiredService<IPaymentsClient>().ChargeAsync(Charge("pm_test_succeeds"));

        Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal($"posts {result.IdempotencyKey} {result.IdempotencyKey}", await api.SendAsync("posts"));
        Assert.Equal("charges 1", await api.SendAsync("charges"));
    }

    [Fact]
    public async Task The_same_caller_key_twice_returns_the_same_charge()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        using ServiceProvider provider = Services(api);
        IPaymentsClient client = provider.GetRequiredService<IPaymentsClient>();
        ChargeRequest request = Charge("pm_test_succeeds") with { IdempotencyKey = "order-1042-mono" };

        ChargeResult first = await client.ChargeAsync(request);
        ChargeResult second = await client.ChargeAsync(request);

        Assert.Equal(first.Charge.Id, second.Charge.Id);
        Assert.Equal("order-1042-mono", second.IdempotencyKey);
        Assert.Equal("charges 1", await api.SendAsync("charges"));
    }

    [Fact]
    public async Task GetCharge_reads_back_what_was_charged()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        using ServiceProvider provider = Services(api);
        IPaymentsClient client = provider.GetRequiredService<IPaymentsClient>();

        ChargeResult charged = await client.ChargeAsync(Charge("pm_test_succeeds"));
        Charge read = (await client.GetChargeAsync(charged.Charge.Id)).Charge;

        Assert.Equal(charged.Charge.Id, read.Id);
        Assert.Equal(ChargeStatus.Succeeded, read.Status);
        Assert.Equal("usd", read.Currency);
    }

    internal static ChargeRequest Charge(string paymentMethod) => new()
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = Customer,
        PaymentMethodId = paymentMethod,
    };

    internal static ServiceProvider Services(FakeApiProcess api, string? apiKey = null, TimeSpan? attemptTimeout = null)
    {
        var services = new ServiceCollection();
        services.AddPaymentsClient(options =>
        {
            options.BaseAddress = api.BaseAddress;
            options.ApiKey = apiKey ?? api.ApiKey;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
            options.AttemptTimeout = attemptTimeout ?? options.AttemptTimeout;
        });
        return services.BuildServiceProvider();
    }
}
