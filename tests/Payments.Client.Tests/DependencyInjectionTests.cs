using Microsoft.Extensions.Options;

namespace Payments.Client.Tests;

public class DependencyInjectionTests
{
    private const string Key = "sk_test_di_key_123";

    [Fact]
    public async Task AddPaymentsClient_with_a_delegate_registers_a_working_typed_client()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, "https://api.example.com/v1/payments/charge")
            .WithHeaders("Authorization", "Bearer " + Key)
            .Respond("application/json", """{ "id": "ch_di", "status": "succeeded" }""");
        var services = new ServiceCollection();
        services.AddPaymentsClient(o => o.ApiKey = Key).ConfigurePrimaryHttpMessageHandler(() => mock);
        using ServiceProvider provider = services.BuildServiceProvider();

        IPaymentsClient client = provider.GetRequiredService<IPaymentsClient>();
        ChargeResult result = await client.ChargeAsync(new ChargeRequest { Amount = 500, Currency = "usd", CustomerId = "c", PaymentMethodId = "p" });

        Assert.Equal("ch_di", result.Charge.Id);
    }

    [Fact]
    public async Task AddPaymentsClient_binds_a_configuration_section()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:ApiKey"] = Key,
            ["Payments:BaseAddress"] = "https://eu.api.example.com/v1/",
            ["Payments:WireFormat"] = "Enveloped",
            ["Payments:AttemptTimeout"] = "00:00:05",
            ["Payments:OverallTimeout"] = "00:00:20",
            ["Payments:Retry:MaxAttempts"] = "2",
            ["Payments:Retry:MaxDelay"] = "00:00:10",
        }).Build();
        var mock = new MockHttpMessageHandler();
        mock.When("https://eu.api.example.com/v1/payments/charge")
            .WithPartialContent("\"customerId\"")
            .Respond(HttpStatusCode.InternalServerError);
        var services = new ServiceCollection();
        services.AddPaymentsClient(config.GetSection("Payments")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using ServiceProvider provider = services.BuildServiceProvider();

        PaymentsClientOptions options = provider.GetRequiredService<IOptionsMonitor<PaymentsClientOptions>>().Get(string.Empty);
        ServerErrorException error = await Assert.ThrowsAsync<ServerErrorException>(() =>
            provider.GetRequiredService<IPaymentsClient>().ChargeAsync(new ChargeRequest { Amount = 500, Currency = "usd", CustomerId = "c" }));

        Assert.Equal(PaymentsWireFormat.Enveloped, options.WireFormat);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Retry.MaxDelay);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public void Options_are_validated_at_start_naming_the_missing_key()
    {
        OptionsValidationException error = Assert.IsType<OptionsValidationException>(ValidateAtStart(o => o.ApiKey = null));

        Assert.Contains("Payments:ApiKey is missing", error.Message);
    }

    [Theory]
    [InlineData("http://api.example.com/v1/", false)]
    [InlineData("http://10.0.0.5/v1/", false)]
    [InlineData("ftp://api.example.com/v1/", false)]
    [InlineData("http://127.0.0.1:5000/v1/", true)]
    [InlineData("http://localhost:5000/v1/", true)]
    [InlineData("http://[::1]:5000/v1/", true)]
    [InlineData("https://api.example.com/v1/", true)]
    public void Plain_http_is_refused_except_on_loopback(string baseAddress, bool valid)
    {
        Exception? error = ValidateAtStart(o =>
        {
            o.ApiKey = Key;
            o.BaseAddress = new Uri(baseAddress);
        });

        if (valid)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains("BaseAddress", Assert.IsType<OptionsValidationException>(error).Message);
        }
    }

    [Fact]
    public void Every_bad_setting_is_reported_and_the_key_is_never_echoed()
    {
        OptionsValidationException error = Assert.IsType<OptionsValidationException>(ValidateAtStart(o =>
        {
            o.ApiKey = "sk_live_secret value\n";
            o.Retry.MaxAttempts = 0;
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.OverallTimeout = TimeSpan.FromMinutes(1);
        }));

        Assert.Contains("ApiKey", error.Message);
        Assert.Contains("MaxAttempts", error.Message);
        Assert.Contains("OverallTimeout", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public async Task Named_clients_use_their_own_keys_and_handlers()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.example.com/v1/payments/charges/ch_1").WithHeaders("Authorization", "Bearer sk_test_eu").Respond("application/json", """{ "id": "ch_1", "currency": "eur" }""");
        mock.When("https://api.example.com/v1/payments/charges/ch_1").WithHeaders("Authorization", "Bearer sk_test_us").Respond("application/json", """{ "id": "ch_1", "currency": "usd" }""");
        var services = new ServiceCollection();
        services.AddPaymentsClient("eu", o => o.ApiKey = "sk_test_eu").ConfigurePrimaryHttpMessageHandler(() => mock);
        services.AddPaymentsClient("us", o => o.ApiKey = "sk_test_us").ConfigurePrimaryHttpMessageHandler(() => mock);
        using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClientFactory factory = provider.GetRequiredService<IPaymentsClientFactory>();

        Charge eu = (await factory.CreateClient("eu").GetChargeAsync("ch_1")).Charge;
        Charge us = (await factory.CreateClient("us").GetChargeAsync("ch_1")).Charge;

        Assert.Equal(("eur", "usd"), (eu.Currency, us.Currency));
        Assert.Contains("'nope'", Assert.Throws<InvalidOperationException>(() => factory.CreateClient("nope")).Message);
        Assert.Null(provider.GetService<IPaymentsClient>());
    }

    [Fact]
    public void The_http_client_timeout_is_infinite_so_our_timeouts_govern()
    {
        var services = new ServiceCollection();
        services.AddPaymentsClient(o => o.ApiKey = Key);
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("Payments.Client");

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public async Task The_returned_builder_accepts_the_merchants_own_handlers()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.example.com/v1/payments/charges/ch_1").WithHeaders("X-Merchant", "acme").Respond("application/json", """{ "id": "ch_1" }""");
        var services = new ServiceCollection();
        services.AddPaymentsClient(o => o.ApiKey = Key)
            .AddHttpMessageHandler(() => new HeaderHandler())
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using ServiceProvider provider = services.BuildServiceProvider();

        Charge charge = (await provider.GetRequiredService<IPaymentsClient>().GetChargeAsync("ch_1")).Charge;

        Assert.Equal("ch_1", charge.Id);
    }

    /// <summary>What the host's start does with the registered options: null when they are valid.</summary>
    private static Exception? ValidateAtStart(Action<PaymentsClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddPaymentsClient(configure);
        using ServiceProvider provider = services.BuildServiceProvider();
        return Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    private sealed class HeaderHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Merchant", "acme");
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public class OptionsReloadTests
{
    [Fact]
    public async Task A_configuration_reload_applies_to_clients_created_afterwards()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.example.com/v1/payments/charges/ch_1").WithHeaders("Authorization", "Bearer sk_test_old").Respond("application/json", """{ "id": "ch_1", "currency": "old" }""");
        mock.When("https://api.example.com/v1/payments/charges/ch_1").WithHeaders("Authorization", "Bearer sk_test_new").Respond("application/json", """{ "id": "ch_1", "currency": "new" }""");
        var config = new ConfigurationManager();
        config["Payments:ApiKey"] = "sk_test_old";
        var services = new ServiceCollection();
        services.AddPaymentsClient(config.GetSection("Payments")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using ServiceProvider provider = services.BuildServiceProvider();

        Charge before = (await provider.GetRequiredService<IPaymentsClient>().GetChargeAsync("ch_1")).Charge;
        config["Payments:ApiKey"] = "sk_test_new";
        ((IConfigurationRoot)config).Reload();
        Charge after = (await provider.GetRequiredService<IPaymentsClient>().GetChargeAsync("ch_1")).Charge;

        Assert.Equal(("old", "new"), (before.Currency, after.Currency));
    }
}
