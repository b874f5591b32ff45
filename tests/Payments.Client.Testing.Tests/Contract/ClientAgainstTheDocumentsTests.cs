namespace Payments.Client.Testing.Tests.Contract;

/// <summary>The client's writer and readers against the documents' own examples: no fake involved.</summary>
public sealed class ClientAgainstTheDocumentsTests
{
    [Fact]
    public async Task The_v1_request_body_is_the_004_example_to_the_byte_but_for_whitespace()
    {
        List<string> sent = [];
        PaymentsClient client = Golden.ClientAnswering(200, Golden.Text("v1-charge-pending.json"), sent);

        await client.ChargeAsync(new ChargeRequest
        {
            Amount = 2500,
            Currency = "USD",
            CustomerId = "f47ac10b-58cc-4372-a567-0e02b2c3d479",
            PaymentMethodId = "7c9e6679-7425-40de-944b-e07fc1f90ae7",
            IdempotencyKey = "ord_8v3kQ9_charge_1",
            Metadata = new Dictionary<string, string> { ["order_id"] = "ord_8v3kQ9", ["line_items"] = "3" },
        });

        Golden.SameJson(Golden.Text("v1-request.json"), Assert.Single(sent));
    }

    [Fact]
    public async Task The_enveloped_request_body_is_the_000_example_and_the_enveloped_answer_is_read_whole()
    {
        List<string> sent = [];

        // The page's example says livemode: true, so a live key (a test key would refuse a live charge).
        PaymentsClient client = Golden.ClientAnswering(200, Golden.Text("enveloped-charge.json"), sent, PaymentsWireFormat.Enveloped, apiKey: "sk_live_golden");

        ChargeResult result = await client.ChargeAsync(new ChargeRequest { CustomerId = "string", Amount = 1, Currency = "string", Description = "string" });

        Golden.SameJson(Golden.Text("enveloped-request.json"), Assert.Single(sent));
        Charge charge = result.Charge;
        Assert.Equal(("string", "payment", "link", "stripe", ChargeStatus.Pending), (charge.Id, charge.Object, charge.Kind, charge.Provider, charge.Status));
        Assert.Equal((-9007199254740991L, -9007199254740991L, -9007199254740991L), (charge.AmountSubtotal!.Value, charge.TaxAmount!.Value, charge.AmountTotal!.Value));
        Assert.Equal(("string", "string", "string", "string"), (charge.CustomerId, charge.Currency, charge.Description, charge.Url));
        var at = new DateTimeOffset(2019, 8, 24, 14, 15, 22, TimeSpan.Zero);
        Assert.Equal((at, at, at), (charge.ExpiresAt!.Value, charge.CreatedAt!.Value, charge.UpdatedAt!.Value));
        Assert.Equal(new Dictionary<string, string?> { ["property1"] = null, ["property2"] = null }, charge.Metadata);
        Assert.True(charge.Livemode);
    }

    [Theory]
    [InlineData("v1-charge-succeeded.json")]
    [InlineData("v1-charge-pending.json")]
    public async Task Each_v1_charge_example_is_read_field_by_field(string fixture)
    {
        System.Text.Json.JsonElement example = Golden.Json(fixture);
        ChargeResult result = await Golden.ClientAnswering(200, Golden.Text(fixture), []).ChargeAsync(TestRequest());

        Charge charge = result.Charge;
        Assert.Equal(example.GetProperty("id").GetString(), charge.Id);
        Assert.Equal(new ChargeStatus(example.GetProperty("status").GetString()!), charge.Status);
        Assert.Equal((2500L, "usd"), (charge.Amount!.Value, charge.Currency));
        Assert.Equal(example.GetProperty("created_at").GetDateTimeOffset(), charge.CreatedAt);
        Assert.Null(charge.FailureReason);
        Assert.Equal(example.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()), charge.Metadata);
        Assert.Equal(example.TryGetProperty("customer_id", out var customer) ? customer.GetString() : null, charge.CustomerId);
        Assert.Equal(example.TryGetProperty("payment_method_id", out var method) ? method.GetString() : null, charge.PaymentMethodId);
    }

    [Fact]
    public async Task The_000_error_example_is_a_typed_error_keeping_every_field()
    {
        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(
            () => Golden.ClientAnswering(400, Golden.Text("enveloped-error.json"), []).ChargeAsync(TestRequest()));

        Assert.Equal((400, "string", "string", "string", "string"), (error.StatusCode, error.ErrorType, error.ErrorCode, error.ApiMessage, error.Param));
    }

    [Fact]
    public void Both_webhook_examples_are_read_by_the_receiver()
    {
        var receiver = new PaymentsWebhookReceiver(["whsec_golden"]);

        var failed = Assert.IsType<ChargeFailedEvent>(Read(receiver, "v1-event-charge-failed.json"));
        Assert.Equal(("evt_4nB7rWx", "charge.failed", new DateTimeOffset(2026, 6, 9, 14, 22, 14, TimeSpan.Zero)), (failed.Id, failed.Type, failed.CreatedAt!.Value));
        Assert.Equal(("ch_2kF8xLmN4qRs", ChargeStatus.Failed, FailureReason.InsufficientFunds), (failed.Charge.Id, failed.Charge.Status, failed.Charge.FailureReason!.Value));
        Assert.Equal("7c9e6679-7425-40de-944b-e07fc1f90ae7", failed.Charge.PaymentMethodId);

        var older = Assert.IsType<ChargeSucceededEvent>(Read(receiver, "v1-event-charge-succeeded-older-shape.json"));
        Assert.Equal(("ch_1234567890abcdef", ChargeStatus.Succeeded, 2500L), (older.Charge.Id, older.Charge.Status, older.Charge.Amount!.Value));
    }

    private static PaymentsEvent Read(PaymentsWebhookReceiver receiver, string fixture)
    {
        byte[] body = System.Text.Encoding.UTF8.GetBytes(Golden.Text(fixture));
        return receiver.VerifyAndParse(body, WebhookSigner.Sign(body, "whsec_golden"));
    }

    private static ChargeRequest TestRequest() => new() { Amount = 2500, Currency = "usd", CustomerId = "cus_1", PaymentMethodId = "pm_1" };
}
