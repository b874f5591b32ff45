namespace Payments.Client.Tests;

/// <summary>Bad input is refused with an error naming the problem, before anything is sent.</summary>
public class RequestValidationTests
{
    private readonly TestClient _api = new();

    public RequestValidationTests() => _api.Script(TestClient.ChargeUrl, TestClient.Ok());

    [Fact]
    public async Task A_key_longer_than_255_characters_is_refused_before_sending()
    {
        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.ChargeAsync(TestClient.Request(new string('k', 256))));

        Assert.Contains("255", error.Message);
        Assert.Empty(_api.Attempts);
    }

    [Fact]
    public async Task A_key_of_exactly_255_characters_is_sent()
    {
        await _api.Client.ChargeAsync(TestClient.Request(new string('k', 255)));

        Assert.Single(_api.Attempts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    [InlineData("ünïcode")]
    public async Task A_key_that_cannot_travel_in_a_header_is_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.ChargeAsync(TestClient.Request(key)));

        Assert.Empty(_api.Attempts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2500)]
    public async Task A_non_positive_amount_is_refused(long amount)
    {
        ArgumentOutOfRangeException error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _api.Client.ChargeAsync(TestClient.Request() with { Amount = amount }));

        Assert.Contains("ChargeRequest.Amount", error.Message, StringComparison.Ordinal);
        Assert.Contains("minor units", error.Message);
        Assert.Empty(_api.Attempts);
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        ArgumentException currency = await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.ChargeAsync(TestClient.Request() with { Currency = " " }));
        ArgumentException customer = await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.ChargeAsync(TestClient.Request() with { CustomerId = "" }));
        ArgumentException method = await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.ChargeAsync(TestClient.Request() with { PaymentMethodId = null }));

        Assert.Contains("Currency", currency.Message);
        Assert.Contains("CustomerId", customer.Message);
        Assert.Contains("PaymentMethodId", method.Message);
        Assert.Empty(_api.Attempts);
    }

    [Fact]
    public async Task A_null_request_or_charge_id_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _api.Client.ChargeAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _api.Client.GetChargeAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.GetChargeAsync("  "));
    }

    [Fact]
    public async Task Null_metadata_values_are_refused()
    {
        var metadata = new Dictionary<string, string> { ["order"] = null! };

        await Assert.ThrowsAsync<ArgumentException>(() => _api.Client.ChargeAsync(TestClient.Request() with { Metadata = metadata }));
    }
}
