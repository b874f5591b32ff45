namespace Payments.Client.Tests;

public class SecretHygieneTests
{
    [Fact]
    public void Options_ToString_hides_the_api_key()
    {
        var options = new PaymentsClientOptions { ApiKey = TestClient.ApiKey };

        Assert.DoesNotContain(TestClient.ApiKey, options.ToString());
        Assert.Contains("(set)", options.ToString());
    }

    [Fact]
    public async Task No_error_message_or_ToString_contains_the_api_key()
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 1);
        api.Script(
            TestClient.ChargeUrl,
            TestClient.Error(401, "authentication_failed"),
            TestClient.Error(402, "card_declined"),
            TestClient.Error(500, "processing_error"),
            TestClient.Json(HttpStatusCode.OK, "<html/>"),
            TestClient.Throw(new HttpRequestException("reset")));

        for (int i = 0; i < 5; i++)
        {
            PaymentsException error = await ErrorMappingTests.Catch(api.Client.ChargeAsync(TestClient.Request()));
            Assert.DoesNotContain(TestClient.ApiKey, error.ToString());
            Assert.DoesNotContain("sk_test_", error.Message);
        }
    }

    [Fact]
    public void A_client_built_by_hand_with_bad_options_names_them_without_the_key()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new PaymentsClient(new HttpClient(), new PaymentsClientOptions { ApiKey = "sk_live_abc def", BaseAddress = new Uri("http://payments.example.com/") }));

        Assert.Contains("ApiKey", error.Message);
        Assert.Contains("BaseAddress", error.Message);
        Assert.DoesNotContain("abc", error.Message);
    }
}
