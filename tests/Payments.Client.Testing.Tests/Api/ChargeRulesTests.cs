namespace Payments.Client.Testing.Tests.Api;

public sealed class ChargeRulesTests : FakeApiTests
{
    [Theory]
    [InlineData(49, 400)]
    [InlineData(0, 400)]
    [InlineData(-100, 400)]
    [InlineData(50, 200)]
    public async Task Amount_must_be_at_least_50(long amount, int status)
    {
        RawResponse response = await Raw.ChargeV1Async("k", amount: amount);

        Assert.Equal(status, response.Status);
        if (status == 400)
        {
            Assert.Equal("invalid_amount", response.ErrorCode);
            Assert.Equal("amount", response.Json.GetProperty("error").GetProperty("param").GetString());
        }
    }

    [Theory]
    [InlineData("\"2500\"")]
    [InlineData("25.5")]
    [InlineData("true")]
    public async Task An_amount_that_is_not_an_integer_is_invalid_amount(string amountJson)
    {
        string body = RawApi.V1Body("k").Replace("\"amount\":2500", "\"amount\":" + amountJson, StringComparison.Ordinal);

        RawResponse response = await Raw.PostAsync(body, "k");

        Assert.Equal(400, response.Status);
        Assert.Equal("invalid_amount", response.ErrorCode);
    }

    [Theory]
    [InlineData("abc", 400, "invalid_currency")] // not ISO 4217
    [InlineData("us", 400, "invalid_currency")]
    [InlineData("", 400, "invalid_currency")]
    [InlineData("xau", 422, "currency_not_supported")] // ISO codes that are not money
    [InlineData("xts", 422, "currency_not_supported")]
    [InlineData("xdr", 422, "currency_not_supported")]
    public async Task A_currency_that_is_not_ISO_4217_money_is_refused(string currency, int status, string errorCode)
    {
        RawResponse response = await Raw.ChargeV1Async("k", currency: currency);

        Assert.Equal((status, errorCode), (response.Status, response.ErrorCode));
    }

    [Theory]
    [InlineData("jpy")]
    [InlineData("EUR")]
    [InlineData("kwd")]
    public async Task Supported_currencies_are_charged_and_answered_lowercase(string currency)
    {
        RawResponse response = await Raw.ChargeV1Async("k", currency: currency);

        Assert.Equal(200, response.Status);
        Assert.Equal(currency.ToLowerInvariant(), response.Json.GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData("cus_nobody", TestPaymentMethods.Succeeds, 404, "customer_not_found")]
    [InlineData(TestCustomers.Default, "pm_nothing", 404, "payment_method_not_found")]
    [InlineData(TestCustomers.Default, TestPaymentMethods.OtherCustomers, 400, "payment_method_mismatch")] // another customer's
    public async Task An_unknown_or_foreign_customer_or_payment_method_is_refused_and_charges_nothing(string customer, string paymentMethod, int status, string errorCode)
    {
        RawResponse response = await Raw.ChargeV1Async("k", customer: customer, paymentMethod: paymentMethod);

        Assert.Equal((status, errorCode), (response.Status, response.ErrorCode));
        Assert.Empty(Api.Charges);
    }

    [Fact]
    public async Task Customers_and_payment_methods_added_by_a_test_are_charged_with_their_behaviour()
    {
        Api.AddCustomer("cus_42");
        Api.AddPaymentMethod("cus_42", "pm_42_nsf", PaymentMethodBehavior.Declines("insufficient_funds"));

        RawResponse response = await Raw.ChargeV1Async("k", customer: "cus_42", paymentMethod: "pm_42_nsf");

        Assert.Equal(402, response.Status);
        Assert.Equal("insufficient_funds", response.Json.GetProperty("error").GetProperty("failure_reason").GetString());
        Assert.Throws<InvalidOperationException>(() => Api.AddCustomer("cus_42"));
        Assert.Throws<InvalidOperationException>(() => Api.AddPaymentMethod("cus_nobody", "pm_x", PaymentMethodBehavior.Succeeds));
        Assert.Throws<InvalidOperationException>(() => Api.AddPaymentMethod("cus_42", TestPaymentMethods.Succeeds, PaymentMethodBehavior.Succeeds));
    }

    [Fact]
    public async Task Metadata_of_20_pairs_with_40_character_keys_and_500_character_values_is_accepted()
    {
        string metadata = "{" + string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"{i:D2}{new string('k', 38)}\":\"{new string('v', 500)}\"")) + "}";

        RawResponse response = await Raw.ChargeV1Async("k", metadataJson: metadata);

        Assert.Equal(200, response.Status);
        Assert.Equal(20, response.Json.GetProperty("metadata").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("21 pairs")]
    [InlineData("41 character key")]
    [InlineData("501 character value")]
    [InlineData("number value")]
    [InlineData("null value")]
    [InlineData("not an object")]
    public async Task Metadata_beyond_the_limits_is_400(string what)
    {
        string metadata = what switch
        {
            "21 pairs" => "{" + string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"k{i}\":\"v\"")) + "}",
            "41 character key" => $"{{\"{new string('k', 41)}\":\"v\"}}",
            "501 character value" => $"{{\"k\":\"{new string('v', 501)}\"}}",
            "number value" => "{\"k\":3}",
            "null value" => "{\"k\":null}",
            _ => "[\"k\"]",
        };

        RawResponse response = await Raw.ChargeV1Async("k", metadataJson: metadata);

        Assert.Equal(400, response.Status);
        Assert.Equal("invalid_metadata", response.ErrorCode);
        Assert.Equal("metadata", response.Json.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task An_idempotency_key_of_255_characters_is_accepted_and_256_is_400()
    {
        string longest = new('k', 255);
        string tooLong = new('k', 256);

        RawResponse accepted = await Raw.ChargeV1Async(longest);
        RawResponse refused = await Raw.ChargeV1Async(tooLong);

        Assert.Equal(200, accepted.Status);
        Assert.Equal(400, refused.Status);
        Assert.Equal("invalid_idempotency_key", refused.ErrorCode);
    }

    [Fact]
    public async Task A_v1_body_needs_an_idempotency_key_and_the_header_must_match_the_body()
    {
        string withoutKey = RawApi.V1Body("k").Replace(",\"idempotency_key\":\"k\"", string.Empty, StringComparison.Ordinal);

        RawResponse missing = await Raw.PostAsync(withoutKey, idempotencyKey: null);
        RawResponse headerOnly = await Raw.PostAsync(withoutKey, idempotencyKey: "from-header");
        RawResponse differing = await Raw.PostAsync(RawApi.V1Body("body-key"), idempotencyKey: "header-key");

        Assert.Equal(400, missing.Status);
        Assert.Equal("invalid_idempotency_key", missing.ErrorCode);
        Assert.Equal(200, headerOnly.Status);
        Assert.Equal(400, differing.Status);
        Assert.Equal("invalid_idempotency_key", differing.ErrorCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"amount\":2500,\"currency\":\"usd\",\"customer_id\":\"cus_test_default\",\"payment_method_id\":\"pm_test_succeeds\",\"idempotency_key\":\"k\",\"customerID\":\"x\"}")]
    [InlineData("{\"amount\":2500,\"currency\":\"usd\",\"customer_id\":\"cus_test_default\",\"paymentMethodId\":\"pm_test_succeeds\"}")]
    [InlineData("{\"amount\":2500,\"currency\":\"usd\",\"customer_id\":7,\"payment_method_id\":\"pm_test_succeeds\",\"idempotency_key\":\"k\"}")]
    public async Task A_malformed_body_is_400_invalid_request(string body)
    {
        RawResponse response = await Raw.PostAsync(body, "k");

        Assert.Equal(400, response.Status);
        Assert.Equal("invalid_request", response.ErrorCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_415()
    {
        RawResponse response = await Raw.PostAsync(RawApi.V1Body("k"), "k", contentType: "text/plain");

        Assert.Equal(415, response.Status);
    }
}
