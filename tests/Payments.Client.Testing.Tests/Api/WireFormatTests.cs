namespace Payments.Client.Testing.Tests.Api;

public sealed class WireFormatTests : FakeApiTests
{
    [Fact]
    public async Task An_enveloped_charge_without_a_payment_method_charges_the_customers_default()
    {
        RawResponse charged = await Raw.PostAsync("""{"customerId":"cus_test_default","amount":900,"currency":"eur"}""", idempotencyKey: null);
        RawResponse none = await Raw.PostAsync("""{"customerId":"cus_test_no_payment_methods","amount":900,"currency":"eur"}""", idempotencyKey: null);

        Assert.Equal(200, charged.Status);
        Assert.Equal(TestPaymentMethods.Succeeds, charged.Json.GetProperty("data").GetProperty("paymentMethodId").GetString());
        Assert.Null(Assert.Single(Api.Charges).IdempotencyKey);
        Assert.Equal(404, none.Status);
        Assert.Equal("payment_method_not_found", none.ErrorCode);
    }

    [Fact]
    public async Task Get_answers_in_the_format_the_charge_was_created_in()
    {
        string v1Id = (await Raw.ChargeV1Async("k1")).Json.GetProperty("id").GetString()!;
        string envelopedId = (await Raw.PostAsync("""{"customerId":"cus_test_default","amount":900,"currency":"eur"}""", "k2")).Json.GetProperty("data").GetProperty("id").GetString()!;

        RawResponse v1 = await Raw.GetAsync(v1Id);
        RawResponse enveloped = await Raw.GetAsync(envelopedId);

        Assert.Equal(v1Id, v1.Json.GetProperty("id").GetString());
        Assert.Equal("usd", v1.Json.GetProperty("currency").GetString());
        Assert.Equal(envelopedId, enveloped.Json.GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_of_an_unknown_charge_is_404()
    {
        RawResponse response = await Raw.GetAsync("ch_missing");

        Assert.Equal(404, response.Status);
        Assert.Equal("charge_not_found", response.ErrorCode);
    }

    [Fact]
    public async Task Requests_are_recorded_with_headers_key_body_and_answer()
    {
        await Raw.ChargeV1Async("rec-1");
        await Raw.GetAsync("ch_missing");

        IReadOnlyList<RecordedRequest> requests = Api.Requests;
        Assert.Equal(2, requests.Count);
        RecordedRequest post = requests[0];
        Assert.Equal((1, "POST", "/v1/payments/charge", "rec-1", 200), (post.Sequence, post.Method, post.Path, post.IdempotencyKey, post.StatusCode));
        Assert.Contains("\"idempotency_key\":\"rec-1\"", post.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer " + Api.ApiKey, post.Headers["authorization"]);
        Assert.Equal(("GET", 404), (requests[1].Method, requests[1].StatusCode));
    }
}
