namespace Payments.Client.Testing.Tests.Api;

public sealed class AuthenticationTests : FakeApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("sk_test_wrong")]
    public async Task A_missing_or_wrong_key_is_401_authentication_failed_with_every_documented_error_field(string? key)
    {
        RawResponse charge = await Raw.PostAsync(RawApi.V1Body("k1"), "k1", apiKey: key);
        RawResponse read = await Raw.GetAsync("ch_whatever", apiKey: key);

        Assert.Equal(401, charge.Status);
        Assert.Equal("authentication_failed", charge.ErrorCode);
        Assert.Equal(401, read.Status);
        Assert.Empty(Api.Charges);

        Assert.False(charge.Json.GetProperty("success").GetBoolean());
        System.Text.Json.JsonElement error = charge.Json.GetProperty("error");
        foreach (string field in new[] { "type", "code", "message", "param", "details", "doc_url" })
        {
            Assert.True(error.TryGetProperty(field, out _), field);
        }

        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
    }
}
