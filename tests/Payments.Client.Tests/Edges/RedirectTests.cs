namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "Redirects are never followed", whatever the primary handler.</summary>
public class RedirectTests
{
    private const string Key = "sk_test_redirects_123";
    private const string ChargeJson = """{ "id": "ch_elsewhere", "status": "succeeded", "amount": 2500, "currency": "usd" }""";

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_3xx_is_an_unexpected_status_carrying_the_status_and_key_and_is_not_retried(int status)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json((HttpStatusCode)status, "", r => r.Headers.Location = new Uri("https://elsewhere.example.com/charge")), TestClient.Ok());

        PaymentsException error = await ErrorMappingTests.Catch(api.Client.ChargeAsync(TestClient.Request("k-3xx")));

        Assert.Equal(typeof(PaymentsException), error.GetType());
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("k-3xx", error.IdempotencyKey);
        Assert.Single(api.Attempts);
        Assert.Contains("redirects are never followed", error.Message);
    }

    [Fact]
    public async Task A_response_from_another_address_is_never_taken_for_a_charge()
    {
        // What a redirect-following handler does: it re-aims the request it was given and answers from there.
        int sent = 0;
        var following = new LambdaHandler((request, _) =>
        {
            Interlocked.Increment(ref sent);
            request.RequestUri = new Uri("https://elsewhere.example.com/landing");
            request.Method = HttpMethod.Get;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(ChargeJson) });
        });
        var client = new PaymentsClient(new HttpClient(following), new PaymentsClientOptions { ApiKey = Key });

        PaymentsException error = await ErrorMappingTests.Catch(client.ChargeAsync(TestClient.Request("k-moved")));

        Assert.Equal("k-moved", error.IdempotencyKey);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("another address", error.Message);
        Assert.Equal(1, Volatile.Read(ref sent));
    }

    [Fact]
    public async Task AddPaymentsClient_turns_redirects_off_even_on_the_merchants_own_HttpClientHandler()
    {
        await using var elsewhere = new LoopbackServer(_ => LoopbackServer.Response(200, ChargeJson));
        await using var api = new LoopbackServer(_ => LoopbackServer.Response(307, "", $"Location: {new Uri(elsewhere.BaseAddress, "payments/charge")}"));
        var services = new ServiceCollection();
        services.AddPaymentsClient(o =>
        {
            o.ApiKey = Key;
            o.BaseAddress = api.BaseAddress;
        }).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        await using ServiceProvider provider = services.BuildServiceProvider();

        PaymentsException error = await ErrorMappingTests.Catch(provider.GetRequiredService<IPaymentsClient>().ChargeAsync(TestClient.Request("k-di")).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(307, error.StatusCode);
        Assert.Equal("k-di", error.IdempotencyKey);
        Assert.Equal("POST", Assert.Single(api.Received).Method);
        Assert.Empty(elsewhere.Received); // the charge body never went to the other address
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task A_hand_made_HttpClient_that_follows_redirects_still_never_yields_a_charge(int status)
    {
        await using var elsewhere = new LoopbackServer(_ => LoopbackServer.Response(200, ChargeJson));
        await using var api = new LoopbackServer(_ => LoopbackServer.Response(status, "", $"Location: {new Uri(elsewhere.BaseAddress, "payments/charge")}"));
        using var http = new HttpClient(); // AllowAutoRedirect is on by default
        var client = new PaymentsClient(http, TestClientOptions.For(api.BaseAddress, Key));

        PaymentsException error = await ErrorMappingTests.Catch(client.ChargeAsync(TestClient.Request("k-hand")).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal("k-hand", error.IdempotencyKey);
        Assert.Contains("another address", error.Message);
        Assert.Single(api.Received); // not retried
        Assert.Single(elsewhere.Received); // the handler followed once; the client refused the answer
    }
}
