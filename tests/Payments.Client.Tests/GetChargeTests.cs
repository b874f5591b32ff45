namespace Payments.Client.Tests;

public class GetChargeTests
{
    [Fact]
    public async Task Reads_a_charge_by_id_with_the_api_key()
    {
        var api = new TestClient();
        api.Script("https://api.example.com/v1/payments/charges/ch_2kF8xLmN4qRs", TestClient.Json(HttpStatusCode.OK, Fixture.Read("v1-pending-response.json")));

        Charge charge = (await api.Client.GetChargeAsync("ch_2kF8xLmN4qRs")).Charge;

        Assert.Equal("ch_2kF8xLmN4qRs", charge.Id);
        Assert.Equal(ChargeStatus.Pending, charge.Status);
        RecordedAttempt sent = Assert.Single(api.Attempts);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("Bearer " + TestClient.ApiKey, sent.Authorization);
        Assert.Null(sent.Body);
    }

    [Fact]
    public async Task An_unknown_id_is_a_not_found_error_without_an_idempotency_key()
    {
        var api = new TestClient();
        api.Script("https://api.example.com/v1/payments/charges/ch_nope", TestClient.Json(HttpStatusCode.NotFound, """{ "error": { "code": "resource_missing", "message": "No such charge." } }"""));

        NotFoundException error = await Assert.ThrowsAsync<NotFoundException>(() => api.Client.GetChargeAsync("ch_nope"));

        Assert.Null(error.IdempotencyKey);
        Assert.Equal("No such charge.", error.ApiMessage);
    }

    [Fact]
    public async Task Reads_an_enveloped_charge()
    {
        var api = new TestClient(o => o.ApiKey = TestClient.LiveKey);
        api.Script("https://api.example.com/v1/payments/charges/string", TestClient.Json(HttpStatusCode.OK, Fixture.Read("enveloped-charge-response.json")));

        Charge charge = (await api.Client.GetChargeAsync("string")).Charge;

        Assert.Equal("link", charge.Kind);
    }
}
