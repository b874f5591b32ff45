using System.Text.Json;
using Payments.Client.Testing.Tests.Support;

namespace Payments.Client.Testing.Tests.Api;

public sealed class WireFormatTests : IAsyncLifetime
{
    private FakePaymentsApi _api = null!;
    private RawApi _raw = null!;

    public async Task InitializeAsync()
    {
        _api = await FakePaymentsApi.StartAsync();
        _raw = new RawApi(_api);
    }

    public async Task DisposeAsync()
    {
        _raw.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_v1_charge_is_answered_bare_and_snake_case()
    {
        RawResponse response = await _raw.ChargeV1Async("k1", metadataJson: "{\"order_id\":\"ord_1\"}");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.MediaType);
        JsonElement charge = response.Json;
        Assert.False(charge.TryGetProperty("success", out _));
        Assert.StartsWith("ch_", charge.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("charge", charge.GetProperty("object").GetString());
        Assert.Equal("succeeded", charge.GetProperty("status").GetString());
        Assert.Equal(2500, charge.GetProperty("amount").GetInt64());
        Assert.Equal(TestCustomers.Default, charge.GetProperty("customer_id").GetString());
        Assert.Equal(TestPaymentMethods.Succeeds, charge.GetProperty("payment_method_id").GetString());
        Assert.Equal(JsonValueKind.Null, charge.GetProperty("failure_reason").ValueKind);
        Assert.Equal("ord_1", charge.GetProperty("metadata").GetProperty("order_id").GetString());
        Assert.False(charge.GetProperty("livemode").GetBoolean());
        Assert.True(charge.GetProperty("created_at").TryGetDateTimeOffset(out _));
        Assert.NotNull(response.Header("Request-Id"));
    }

    [Fact]
    public async Task An_enveloped_charge_is_answered_in_the_envelope_and_camel_case()
    {
        const string Body = """{"customerId":"cus_test_default","amount":2500,"currency":"usd","description":"Pro plan","paymentMethodId":"pm_test_succeeds"}""";

        RawResponse response = await _raw.PostAsync(Body, "k-env");

        Assert.Equal(200, response.Status);
        Assert.True(response.Json.GetProperty("success").GetBoolean());
        JsonElement data = response.Json.GetProperty("data");
        Assert.Equal("payment", data.GetProperty("object").GetString());
        Assert.Equal(TestCustomers.Default, data.GetProperty("customerId").GetString());
        Assert.Equal("Pro plan", data.GetProperty("description").GetString());
        Assert.Equal(2500, data.GetProperty("amountTotal").GetInt64());
        Assert.Equal(0, data.GetProperty("taxAmount").GetInt64());
        Assert.True(data.GetProperty("createdAt").TryGetDateTimeOffset(out _));
        Assert.False(data.TryGetProperty("customer_id", out _));
        Assert.Equal(PaymentsWireFormat.Enveloped, Assert.Single(_api.Charges).WireFormat);
        Assert.Equal("k-env", _api.Charges[0].IdempotencyKey);
    }

    [Fact]
    public async Task An_enveloped_charge_without_a_payment_method_charges_the_customers_default()
    {
        RawResponse charged = await _raw.PostAsync("""{"customerId":"cus_test_default","amount":900,"currency":"eur"}""", idempotencyKey: null);
        RawResponse none = await _raw.PostAsync("""{"customerId":"cus_test_no_payment_methods","amount":900,"currency":"eur"}""", idempotencyKey: null);

        Assert.Equal(200, charged.Status);
        Assert.Equal(TestPaymentMethods.Succeeds, charged.Json.GetProperty("data").GetProperty("paymentMethodId").GetString());
        Assert.Null(Assert.Single(_api.Charges).IdempotencyKey);
        Assert.Equal(404, none.Status);
        Assert.Equal("payment_method_not_found", none.ErrorCode);
    }

    [Fact]
    public async Task Get_answers_in_the_format_the_charge_was_created_in()
    {
        string v1Id = (await _raw.ChargeV1Async("k1")).Json.GetProperty("id").GetString()!;
        string envelopedId = (await _raw.PostAsync("""{"customerId":"cus_test_default","amount":900,"currency":"eur"}""", "k2")).Json.GetProperty("data").GetProperty("id").GetString()!;

        RawResponse v1 = await _raw.GetAsync(v1Id);
        RawResponse enveloped = await _raw.GetAsync(envelopedId);

        Assert.Equal(v1Id, v1.Json.GetProperty("id").GetString());
        Assert.Equal("usd", v1.Json.GetProperty("currency").GetString());
        Assert.Equal(envelopedId, enveloped.Json.GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_of_an_unknown_charge_is_404()
    {
        RawResponse response = await _raw.GetAsync("ch_missing");

        Assert.Equal(404, response.Status);
        Assert.Equal("charge_not_found", response.ErrorCode);
    }

    [Fact]
    public async Task Requests_are_recorded_with_headers_key_body_and_answer()
    {
        await _raw.ChargeV1Async("rec-1");
        await _raw.GetAsync("ch_missing");

        IReadOnlyList<RecordedRequest> requests = _api.Requests;
        Assert.Equal(2, requests.Count);
        RecordedRequest post = requests[0];
        Assert.Equal((1, "POST", "/v1/payments/charge", "rec-1", 200), (post.Sequence, post.Method, post.Path, post.IdempotencyKey, post.StatusCode));
        Assert.Contains("\"idempotency_key\":\"rec-1\"", post.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer " + _api.ApiKey, post.Headers["authorization"]);
        Assert.Equal(("GET", 404), (requests[1].Method, requests[1].StatusCode));
    }
}
