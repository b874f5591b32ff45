namespace Payments.Client.Tests;

/// <summary>A key and an environment that do not belong together are a configuration error with a clear message.</summary>
public class KeyModeTests
{
    [Fact]
    public async Task A_test_key_answered_with_a_live_charge_is_reported_not_passed_off_as_success()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, """{ "id": "ch_live_1", "status": "succeeded", "livemode": true }"""));

        PaymentsException error = await Assert.ThrowsAsync<PaymentsException>(() => api.Client.ChargeAsync(TestClient.Request("k-mode")));

        Assert.Contains("test key", error.Message);
        Assert.Contains("ch_live_1", error.Message);
        Assert.Equal("k-mode", error.IdempotencyKey);
    }

    [Fact]
    public async Task A_test_key_with_a_test_charge_is_fine()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, """{ "id": "ch_1", "status": "succeeded", "livemode": false }"""));

        ChargeResult result = await api.Client.ChargeAsync(TestClient.Request());

        Assert.False(result.Charge.Livemode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1/")]
    [InlineData("http://localhost/v1/")]
    public void A_live_key_is_refused_over_plain_http_even_on_loopback(string baseAddress)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new PaymentsClient(new HttpClient(), new PaymentsClientOptions { ApiKey = TestClient.LiveKey, BaseAddress = new Uri(baseAddress) }));

        Assert.Contains("live key", error.Message);
        Assert.DoesNotContain(TestClient.LiveKey, error.Message);
    }
}
