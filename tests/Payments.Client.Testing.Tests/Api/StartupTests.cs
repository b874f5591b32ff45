namespace Payments.Client.Testing.Tests.Api;

public sealed class StartupTests
{
    [Fact]
    public async Task Starts_on_loopback_with_a_free_port_and_a_test_key()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        Assert.True(api.BaseAddress.IsLoopback);
        Assert.Equal("127.0.0.1", api.BaseAddress.Host);
        Assert.NotEqual(0, api.BaseAddress.Port);
        Assert.EndsWith("/v1/", api.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("sk_test_", api.ApiKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_fakes_run_side_by_side_on_different_ports_with_different_keys()
    {
        await using FakePaymentsApi first = await FakePaymentsApi.StartAsync();
        await using FakePaymentsApi second = await FakePaymentsApi.StartAsync();

        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
        Assert.NotEqual(first.ApiKey, second.ApiKey);
    }

    [Fact]
    public async Task Disposing_stops_the_server()
    {
        FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { ApiKey = "sk_test_fixed" });
        Uri address = api.BaseAddress;
        Assert.Equal("sk_test_fixed", api.ApiKey);
        await api.DisposeAsync();
        await api.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(address, "payments/charges/ch_x")));
    }

    [Fact]
    public async Task Unknown_routes_are_404_with_the_error_body()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(api.BaseAddress, "payments/charge"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + api.ApiKey);

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("\"not_found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
