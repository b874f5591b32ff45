namespace Payments.Client.Tests;

/// <summary>
/// Aspire's ServiceDefaults add the standard resilience handler to every HttpClient. The Payments client retries
/// itself, so the server must see exactly the client's attempts, never attempts times the handler's retries.
/// </summary>
public sealed class AspireResilienceTests
{
    private const int DefaultMaxAttempts = 4;

    [Fact]
    public async Task Resilience_handler_added_by_ConfigureHttpClientDefaults_does_not_multiply_attempts()
    {
        HttpMessageHandler server = Repeated503s(out TestClient api);
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddPaymentsClient(o => o.ApiKey = "sk_test_aspire").ConfigurePrimaryHttpMessageHandler(() => server);

        ServerErrorException error = await ChargeAgainstRepeated503s(services, sp => sp.GetRequiredService<IPaymentsClient>());

        Assert.Equal(DefaultMaxAttempts, error.Attempts);
        Assert.Equal(error.Attempts, api.AttemptCount);
    }

    [Fact]
    public async Task Resilience_handler_added_to_the_returned_builder_does_not_multiply_attempts()
    {
        HttpMessageHandler server = Repeated503s(out TestClient api);
        var services = new ServiceCollection();
        services.AddPaymentsClient("eu", o => o.ApiKey = "sk_test_aspire")
            .ConfigurePrimaryHttpMessageHandler(() => server)
            .AddStandardResilienceHandler();

        ServerErrorException error = await ChargeAgainstRepeated503s(services, sp => sp.GetRequiredService<IPaymentsClientFactory>().CreateClient("eu"));

        Assert.Equal(DefaultMaxAttempts, error.Attempts);
        Assert.Equal(error.Attempts, api.AttemptCount);
    }

    [Fact]
    public async Task Other_clients_keep_the_resilience_handler_the_defaults_gave_them()
    {
        // Proves the handler is really in play here: without the SDK's removal, its retries would show up in the count.
        HttpMessageHandler server = Repeated503s(out TestClient api);
        var time = new TestClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddPaymentsClient(o => o.ApiKey = "sk_test_aspire");
        services.AddHttpClient("other").ConfigurePrimaryHttpMessageHandler(() => server);
        using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient other = provider.GetRequiredService<IHttpClientFactory>().CreateClient("other");

        using HttpResponseMessage response = await time.RunAsync(other.GetAsync(new Uri("https://elsewhere.example/")), "the other client's retried GET");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(api.AttemptCount > 1, $"the standard handler should have retried the other client, server saw {api.AttemptCount}");
    }

    private static async Task<ServerErrorException> ChargeAgainstRepeated503s(ServiceCollection services, Func<IServiceProvider, IPaymentsClient> resolve)
    {
        var time = new TestClock();
        services.AddSingleton<TimeProvider>(time);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClient client = resolve(provider);

        // Both retry layers' backoffs pass on the fake clock, never in real time.
        return await Assert.ThrowsAsync<ServerErrorException>(() => time.RunAsync(
            client.ChargeAsync(new ChargeRequest { Amount = 500, Currency = "usd", CustomerId = "cus_1", PaymentMethodId = "pm_1" }),
            "a charge against repeated 503s"));
    }

    /// <summary>The server's side of the wire: answers every request 503, recording each.</summary>
    private static HttpMessageHandler Repeated503s(out TestClient api)
    {
        api = new TestClient();
        api.Script("*", TestClient.Error(503, "processing_error"));
        return api.Mock;
    }
}
