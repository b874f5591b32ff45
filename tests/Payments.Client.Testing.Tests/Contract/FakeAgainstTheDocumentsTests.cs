namespace Payments.Client.Testing.Tests.Contract;

/// <summary>
/// The fake's reader and writers against the documents' own examples, over plain HTTP: it takes the documents'
/// request bodies as sent, answers in the documents' shapes, and still refuses what the contract does not allow.
/// </summary>
public sealed class FakeAgainstTheDocumentsTests : FakeApiTests
{
    [Fact]
    public async Task The_004_request_example_is_charged_as_written()
    {
        Api.AddCustomer("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        Api.AddPaymentMethod("f47ac10b-58cc-4372-a567-0e02b2c3d479", "7c9e6679-7425-40de-944b-e07fc1f90ae7", PaymentMethodBehavior.Succeeds);

        RawResponse answer = await Raw.PostAsync(Golden.Text("v1-request.json"), idempotencyKey: null);

        Assert.Equal(200, answer.Status);
        FakeCharge held = Assert.Single(Api.Charges);
        Assert.Equal((2500L, "usd", "ord_8v3kQ9_charge_1", PaymentsWireFormat.V1), (held.Amount, held.Currency, held.IdempotencyKey, held.WireFormat));
        Assert.Equal(new Dictionary<string, string> { ["order_id"] = "ord_8v3kQ9", ["line_items"] = "3" }, held.Metadata);
    }

    [Fact]
    public async Task The_000_request_example_is_read_and_then_refused_by_a_server_rule_not_by_the_reader()
    {
        // The page's placeholder values break the server's rules (amount 1 < 50): refused as invalid_amount, which
        // only a body the reader accepted can reach.
        RawResponse answer = await Raw.PostAsync(Golden.Text("enveloped-request.json"), idempotencyKey: "golden-1");

        Assert.Equal((400, "invalid_amount"), (answer.Status, answer.ErrorCode));
    }

    [Theory]
    [InlineData("\"customer_id\"", "\"customerID\"")] // a misspelt name
    [InlineData("\"amount\": 2500,", "\"amount\": 2500, \"customerId\": \"x\",")] // both formats in one body
    [InlineData("\"amount\": 2500", "\"amount\": \"2500\"")] // an amount as text
    public async Task The_004_example_bent_out_of_the_contract_is_refused(string from, string to)
    {
        string body = Golden.Text("v1-request.json").Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Golden.Text("v1-request.json"), body);

        RawResponse answer = await Raw.PostAsync(body, idempotencyKey: null);

        Assert.Equal(400, answer.Status);
        Assert.Contains(answer.ErrorCode, new[] { "invalid_request", "invalid_amount" });
        Assert.Empty(Api.Charges);
    }

    [Fact]
    public async Task A_v1_answer_is_bare_snake_case_with_every_field_of_the_004_examples_and_nothing_undocumented()
    {
        RawResponse answer = await Raw.ChargeV1Async("golden-2", metadataJson: """{"order_id":"ORD-2024-001"}""");

        Assert.Equal((200, "application/json"), (answer.Status, answer.MediaType));
        Golden.HasEveryFieldOf(Golden.Json("v1-charge-succeeded.json"), answer.Json);
        Golden.HasEveryFieldOf(Golden.Json("v1-charge-pending.json"), answer.Json);
        Golden.HasOnlyDocumentedFields(answer.Json);
        JsonElement charge = answer.Json;
        Assert.False(charge.TryGetProperty("success", out _));
        Assert.StartsWith("ch_", charge.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(("charge", "succeeded", 2500L), (charge.GetProperty("object").GetString(), charge.GetProperty("status").GetString(), charge.GetProperty("amount").GetInt64()));
        Assert.Equal(TestCustomers.Default, charge.GetProperty("customer_id").GetString());
        Assert.Equal(TestPaymentMethods.Succeeds, charge.GetProperty("payment_method_id").GetString());
        Assert.Equal(JsonValueKind.Null, charge.GetProperty("failure_reason").ValueKind);
        Assert.Equal("ORD-2024-001", charge.GetProperty("metadata").GetProperty("order_id").GetString());
        Assert.False(charge.GetProperty("livemode").GetBoolean());
        Assert.True(charge.GetProperty("created_at").TryGetDateTimeOffset(out _));
        Assert.NotNull(answer.Header("Request-Id"));
    }

    [Fact]
    public async Task An_enveloped_answer_has_the_000_envelope_and_every_field_of_its_data_in_camel_case()
    {
        string body = $$"""{"customerId":"{{TestCustomers.Default}}","amount":2500,"currency":"usd","description":"Pro plan","paymentMethodId":"{{TestPaymentMethods.Succeeds}}"}""";
        RawResponse answer = await Raw.PostAsync(body, idempotencyKey: "golden-3");

        Assert.Equal(200, answer.Status);
        JsonElement example = Golden.Json("enveloped-charge.json");
        Assert.Equal(example.EnumerateObject().Select(p => p.Name), answer.Json.EnumerateObject().Select(p => p.Name));
        Assert.True(answer.Json.GetProperty("success").GetBoolean());
        JsonElement data = answer.Json.GetProperty("data");
        Golden.HasEveryFieldOf(example.GetProperty("data"), data);
        Golden.HasOnlyDocumentedFields(data);
        Assert.Equal(("payment", TestCustomers.Default, "Pro plan"), (data.GetProperty("object").GetString(), data.GetProperty("customerId").GetString(), data.GetProperty("description").GetString()));
        Assert.Equal((2500L, 0L), (data.GetProperty("amountTotal").GetInt64(), data.GetProperty("taxAmount").GetInt64()));
        Assert.True(data.GetProperty("createdAt").TryGetDateTimeOffset(out _));
        Assert.False(data.TryGetProperty("customer_id", out _));
        FakeCharge held = Assert.Single(Api.Charges);
        Assert.Equal((PaymentsWireFormat.Enveloped, "golden-3"), (held.WireFormat, held.IdempotencyKey));
    }

    [Fact]
    public async Task An_error_answer_has_the_000_error_shape()
    {
        RawResponse answer = await Raw.ChargeV1Async("golden-4", amount: 10);

        JsonElement example = Golden.Json("enveloped-error.json");
        Assert.False(answer.Json.GetProperty("success").GetBoolean());
        Golden.HasEveryFieldOf(example.GetProperty("error"), answer.Json.GetProperty("error"));
    }

    [Fact]
    public async Task A_webhook_event_has_every_field_of_the_004_event_example()
    {
        using var handler = new Answer200();
        Api.Webhooks.Register(new Uri("http://merchant.test/webhooks"), "whsec_golden", handler);

        await Raw.ChargeV1Async("golden-5", paymentMethod: TestPaymentMethods.InsufficientFunds);
        // A signal, not a pause; the bound only turns a delivery that never comes into a failure instead of a hang.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Api.Webhooks.WaitUntilAsync(deliveries => deliveries.Count == 1, bound.Token);

        JsonElement sent = JsonDocument.Parse(Assert.Single(Api.Webhooks.Deliveries).Body).RootElement;
        JsonElement example = Golden.Json("v1-event-charge-failed.json");
        Golden.HasEveryFieldOf(example, sent);
        Golden.HasEveryFieldOf(example.GetProperty("data"), sent.GetProperty("data"));
        Golden.HasOnlyDocumentedFields(sent.GetProperty("data"));
        Assert.Equal(("charge.failed", "insufficient_funds"), (sent.GetProperty("type").GetString(), sent.GetProperty("data").GetProperty("failure_reason").GetString()));
    }

    private sealed class Answer200 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request });
    }
}
