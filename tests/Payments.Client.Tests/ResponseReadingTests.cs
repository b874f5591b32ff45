namespace Payments.Client.Tests;

public class ResponseReadingTests
{
    [Fact]
    public async Task Reads_the_v1_documents_example_charge()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, Fixture.Read("v1-charge-response.json"), r => r.Headers.Add("Request-Id", "req_77")));

        ChargeResult result = await api.Client.ChargeAsync(TestClient.Request());

        Charge charge = result.Charge;
        Assert.Equal("ch_1234567890abcdef", charge.Id);
        Assert.Equal("charge", charge.Object);
        Assert.Equal(ChargeStatus.Succeeded, charge.Status);
        Assert.Equal(2500, charge.Amount);
        Assert.Equal("usd", charge.Currency);
        Assert.Equal("cus_a1b2c3d4-e5f6-7890-abcd-ef1234567890", charge.CustomerId);
        Assert.Equal("pm_12345678-abcd-efgh-ijkl-9876543210ab", charge.PaymentMethodId);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero), charge.CreatedAt);
        Assert.Null(charge.FailureReason);
        Assert.Equal("ORD-2024-001", charge.Metadata["order_id"]);
        Assert.Equal("req_77", result.RequestId);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Reads_a_pending_charge_as_accepted_not_completed()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, Fixture.Read("v1-pending-response.json")));

        Charge charge = (await api.Client.ChargeAsync(TestClient.Request())).Charge;

        Assert.Equal(ChargeStatus.Pending, charge.Status);
        Assert.False(charge.Status.IsTerminal);
        Assert.Equal("3", charge.Metadata["line_items"]);
    }

    [Fact]
    public async Task Reads_the_enveloped_documents_example_with_every_tax_and_invoice_field()
    {
        var api = new TestClient(o => o.ApiKey = TestClient.LiveKey); // the example is a live-mode charge
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, Fixture.Read("enveloped-charge-response.json")));

        Charge charge = (await api.Client.ChargeAsync(TestClient.Request())).Charge;

        Assert.Equal("string", charge.Id);
        Assert.Equal("string", charge.CustomerId);
        Assert.Equal("link", charge.Kind);
        Assert.Equal(ChargeStatus.Pending, charge.Status);
        Assert.Equal("stripe", charge.Provider);
        Assert.Equal(-9007199254740991, charge.AmountSubtotal);
        Assert.Equal(-9007199254740991, charge.TaxAmount);
        Assert.Equal(-9007199254740991, charge.AmountTotal);
        Assert.Equal("string", charge.Description);
        Assert.True(charge.Metadata.ContainsKey("property1"));
        Assert.Null(charge.Metadata["property1"]);
        Assert.Equal("string", charge.Url);
        Assert.Equal(new DateTimeOffset(2019, 8, 24, 14, 15, 22, TimeSpan.Zero), charge.ExpiresAt);
        Assert.Equal(charge.ExpiresAt, charge.UpdatedAt);
        Assert.Equal("payment", charge.Object);
        Assert.True(charge.Livemode);
    }

    [Fact]
    public async Task A_bare_camel_case_charge_and_an_enveloped_snake_case_charge_are_read_too()
    {
        var api = new TestClient();
        api.Script(
            TestClient.ChargeUrl,
            TestClient.Json(HttpStatusCode.OK, """{ "id": "ch_a", "status": "failed", "customerId": "c", "failureReason": "expired_card" }"""),
            TestClient.Json(HttpStatusCode.OK, """{ "success": true, "data": { "id": "ch_b", "status": "succeeded", "customer_id": "d", "amount_total": 99 } }"""));

        Charge a = (await api.Client.ChargeAsync(TestClient.Request())).Charge;
        Charge b = (await api.Client.ChargeAsync(TestClient.Request())).Charge;

        Assert.Equal(("ch_a", "c", FailureReason.ExpiredCard), (a.Id, a.CustomerId, a.FailureReason!.Value));
        Assert.Equal(("ch_b", "d", 99L), (b.Id, b.CustomerId, b.AmountTotal!.Value));
    }

    [Fact]
    public async Task Unknown_fields_and_unknown_enum_values_never_break_parsing()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, """
            { "id": "ch_new", "status": "partially_refunded", "failure_reason": "velocity_limit",
              "brand_new_field": { "nested": [1, 2, { "x": null }] }, "another": 3.14, "amount": 100,
              "metadata": { "n": 5, "b": true } }
            """));

        Charge charge = (await api.Client.ChargeAsync(TestClient.Request())).Charge;

        Assert.Equal("partially_refunded", charge.Status.ToString());
        Assert.False(charge.Status.IsKnown);
        Assert.Equal(new FailureReason("velocity_limit"), charge.FailureReason);
        Assert.Equal(100, charge.Amount);
        Assert.Equal("5", charge.Metadata["n"]);
        Assert.Equal("true", charge.Metadata["b"]);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("{ \"status\": \"succeeded\" }")]
    [InlineData("{ \"id\": \"ch_1\", \"amount\": \"2500\" }")]
    [InlineData("{ \"success\": true, \"data\": ")]
    public async Task A_success_status_with_an_unreadable_body_is_a_typed_error_carrying_the_key(string body)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, body));

        PaymentsException error = await Assert.ThrowsAsync<PaymentsException>(() => api.Client.ChargeAsync(TestClient.Request("key-1")));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("key-1", error.IdempotencyKey);
        Assert.Contains("could not read", error.Message);
        Assert.Single(api.Attempts);
    }
}
