namespace Payments.Client.Tests;

public class WireFormatTests
{
    [Fact]
    public async Task V1_sends_snake_case_body_with_the_key_in_body_and_header()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        ChargeResult result = await api.Client.ChargeAsync(TestClient.Request("order-42") with
        {
            Description = "Pro plan",
            Metadata = new Dictionary<string, string> { ["order_id"] = "42" },
        });

        RecordedAttempt sent = Assert.Single(api.Attempts);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("order-42", sent.IdempotencyKey);
        Assert.Equal("Bearer " + TestClient.ApiKey, sent.Authorization);
        Assert.StartsWith("application/json", sent.ContentType);
        using JsonDocument body = JsonDocument.Parse(sent.Body!);
        JsonElement root = body.RootElement;
        Assert.Equal(2500, root.GetProperty("amount").GetInt64());
        Assert.Equal("usd", root.GetProperty("currency").GetString());
        Assert.Equal("cus_123", root.GetProperty("customer_id").GetString());
        Assert.Equal("pm_456", root.GetProperty("payment_method_id").GetString());
        Assert.Equal("order-42", root.GetProperty("idempotency_key").GetString());
        Assert.Equal("Pro plan", root.GetProperty("description").GetString());
        Assert.Equal("42", root.GetProperty("metadata").GetProperty("order_id").GetString());
        Assert.Equal("order-42", result.IdempotencyKey);
    }

    [Fact]
    public async Task Enveloped_sends_camel_case_body_and_the_key_in_the_header_only()
    {
        var api = new TestClient(o =>
        {
            o.WireFormat = PaymentsWireFormat.Enveloped;
            o.ApiKey = TestClient.LiveKey; // the documents' example is a live-mode charge
        });
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, Fixture.Read("enveloped-charge-response.json")));

        ChargeResult result = await api.Client.ChargeAsync(new ChargeRequest { Amount = 1000, Currency = "EUR", CustomerId = "cus_9", Description = "Invoice 7" });

        RecordedAttempt sent = Assert.Single(api.Attempts);
        using JsonDocument body = JsonDocument.Parse(sent.Body!);
        JsonElement root = body.RootElement;
        Assert.Equal("cus_9", root.GetProperty("customerId").GetString());
        Assert.Equal(1000, root.GetProperty("amount").GetInt64());
        Assert.Equal("eur", root.GetProperty("currency").GetString());
        Assert.Equal("Invoice 7", root.GetProperty("description").GetString());
        Assert.False(root.TryGetProperty("paymentMethodId", out _));
        Assert.False(root.TryGetProperty("idempotency_key", out _));
        Assert.Equal(result.IdempotencyKey, sent.IdempotencyKey);
    }

    [Fact]
    public async Task Enveloped_sends_a_payment_method_and_metadata_when_given()
    {
        var api = new TestClient(o => o.WireFormat = PaymentsWireFormat.Enveloped);
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        await api.Client.ChargeAsync(TestClient.Request() with { Metadata = new Dictionary<string, string> { ["k"] = "v" } });

        using JsonDocument body = JsonDocument.Parse(api.Attempts[0].Body!);
        Assert.Equal("pm_456", body.RootElement.GetProperty("paymentMethodId").GetString());
        Assert.Equal("v", body.RootElement.GetProperty("metadata").GetProperty("k").GetString());
    }

    [Fact]
    public async Task A_generated_key_has_128_random_bits_and_differs_per_call()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Ok());

        ChargeResult first = await api.Client.ChargeAsync(TestClient.Request());
        ChargeResult second = await api.Client.ChargeAsync(TestClient.Request());

        Assert.Matches("^[0-9a-f]{32}$", first.IdempotencyKey);
        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
        Assert.Equal(first.IdempotencyKey, api.Attempts[0].IdempotencyKey);
        using JsonDocument body = JsonDocument.Parse(api.Attempts[0].Body!);
        Assert.Equal(first.IdempotencyKey, body.RootElement.GetProperty("idempotency_key").GetString());
    }

    [Fact]
    public async Task The_base_address_path_is_kept_with_or_without_a_trailing_slash()
    {
        var api = new TestClient(o => o.BaseAddress = new Uri("https://gateway.example.com/payments-api/v1"));
        api.Script("https://gateway.example.com/payments-api/v1/payments/charge", TestClient.Ok());

        await api.Client.ChargeAsync(TestClient.Request());

        Assert.Single(api.Attempts);
    }
}

public class IdempotencyKeyTests
{
    [Fact]
    public void Create_gives_32_lowercase_hex_characters_that_do_not_repeat()
    {
        var keys = Enumerable.Range(0, 2000).Select(_ => IdempotencyKeys.Create()).ToHashSet();

        Assert.Equal(2000, keys.Count);
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{32}$", k));
    }

    [Fact]
    public void The_clients_buffered_generator_never_repeats_across_refills()
    {
        var generator = new Pipeline.IdempotencyKeyGenerator();

        var keys = Enumerable.Range(0, 1000).Select(_ => generator.Create()).ToHashSet();

        Assert.Equal(1000, keys.Count);
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{32}$", k));
    }

    [Fact]
    public void Keys_bridged_from_the_operating_systems_generator_carry_no_fixed_guid_bits()
    {
        // A GUID's version nibble and variant bits are fixed; copied into a key they would show as a hex
        // position that never changes (or takes only 4 values) across many keys.
        var keys = Enumerable.Range(0, 2000).Select(_ =>
        {
            Span<byte> bytes = stackalloc byte[16];
            Pipeline.IdempotencyKeyGenerator.FromOperatingSystem(bytes);
            return IdempotencyKeys.ToHex(bytes);
        }).ToList();

        Assert.Equal(2000, keys.ToHashSet().Count);
        for (int position = 0; position < 32; position++)
        {
            int distinct = keys.Select(k => k[position]).Distinct().Count();
            Assert.True(distinct == 16, $"hex position {position} took only {distinct} of 16 values over 2,000 keys");
        }
    }

    [Fact]
    public void Hex_encoding_keeps_byte_order()
    {
        byte[] bytes = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10];

        Assert.Equal("0123456789abcdeffedcba9876543210", IdempotencyKeys.ToHex(bytes));
    }
}

public class UserAgentTests
{
    [Fact]
    public async Task Every_request_names_the_sdk_and_its_version()
    {
        var mock = new MockHttpMessageHandler();
        string? userAgent = null;
        mock.When("https://api.example.com/v1/payments/charges/ch_1").With(r =>
        {
            userAgent = r.Headers.UserAgent.ToString();
            return true;
        }).Respond("application/json", """{ "id": "ch_1" }""");
        var client = new PaymentsClient(new HttpClient(mock), new PaymentsClientOptions { ApiKey = Support.TestClient.ApiKey });

        await client.GetChargeAsync("ch_1");

        Assert.Matches(@"^Payments\.Client/\d+\.\d+\.\d+ \(\.NET \d+\.\d+\)$", userAgent);
    }
}
