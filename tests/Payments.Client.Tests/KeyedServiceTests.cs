namespace Payments.Client.Tests;

public sealed class KeyedServiceTests
{
    [Fact]
    public async Task A_named_client_resolves_as_a_keyed_service_with_its_own_options()
    {
        var eu = new MockHttpMessageHandler();
        eu.When(HttpMethod.Post, "https://eu.api.example.com/v1/payments/charge")
            .WithHeaders("Authorization", "Bearer sk_test_eu")
            .Respond("application/json", """{ "id": "ch_eu", "status": "succeeded" }""");
        var services = new ServiceCollection();
        services.AddPaymentsClient("eu", o =>
        {
            o.ApiKey = "sk_test_eu";
            o.BaseAddress = new Uri("https://eu.api.example.com/v1/");
        }).ConfigurePrimaryHttpMessageHandler(() => eu);
        services.AddPaymentsClient("us", o => o.ApiKey = "sk_test_us");
        using ServiceProvider provider = services.BuildServiceProvider();

        IPaymentsClient client = provider.GetRequiredKeyedService<IPaymentsClient>("eu");
        ChargeResult result = await client.ChargeAsync(new ChargeRequest { Amount = 500, Currency = "usd", CustomerId = "c", PaymentMethodId = "p" });

        Assert.Equal("ch_eu", result.Charge.Id);
        Assert.NotNull(provider.GetKeyedService<IPaymentsClient>("us"));
        Assert.Null(provider.GetKeyedService<IPaymentsClient>("nope"));
        Assert.Null(provider.GetService<IPaymentsClient>());
    }

    [Fact]
    public void FromKeyedServices_injects_the_named_client_into_a_constructor()
    {
        var services = new ServiceCollection();
        services.AddPaymentsClient("eu", o => o.ApiKey = "sk_test_eu");
        services.AddTransient<EuCheckout>();
        using ServiceProvider provider = services.BuildServiceProvider();

        EuCheckout checkout = provider.GetRequiredService<EuCheckout>();

        Assert.NotNull(checkout.Payments);
    }

    private sealed class EuCheckout([FromKeyedServices("eu")] IPaymentsClient payments)
    {
        public IPaymentsClient Payments { get; } = payments;
    }
}
