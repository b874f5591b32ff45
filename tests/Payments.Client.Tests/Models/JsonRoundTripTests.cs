namespace Payments.Client.Tests.Models;

/// <summary>A merchant caches, queues or returns the SDK's models with System.Text.Json: they must come back equal.</summary>
public sealed class JsonRoundTripTests
{
    private static readonly JsonSerializerOptions Reflection = new();

    internal static Charge FullCharge(ChargeStatus status) => new()
    {
        Id = "ch_123",
        Object = "charge",
        Status = status,
        Amount = 2500,
        Currency = "usd",
        CustomerId = "cus_1",
        PaymentMethodId = "pm_1",
        Description = "order 42",
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.FromHours(2)),
        FailureReason = status == ChargeStatus.Failed ? FailureReason.InsufficientFunds : null,
        Metadata = new Dictionary<string, string?> { ["order"] = "42", ["note"] = null },
        Livemode = false,
        AmountSubtotal = 2300,
        TaxAmount = 200,
        AmountTotal = 2500,
        Kind = "link",
        Provider = "acme",
        Url = "https://pay.example/i/1",
        ExpiresAt = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public static TheoryData<string> Statuses => new() { "succeeded", "failed", "pending", "partially_refunded" };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Charge_round_trips_through_the_source_generated_context(string status)
    {
        Charge charge = FullCharge(new ChargeStatus(status));

        string json = JsonSerializer.Serialize(charge, PaymentsJsonContext.Default.Charge);
        Charge? back = JsonSerializer.Deserialize(json, PaymentsJsonContext.Default.Charge);

        Assert.Equal(charge, back);
        Assert.Contains($"\"status\":\"{status}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_JsonSerializer_writes_status_and_failure_reason_as_wire_strings_and_reads_them_back()
    {
        Charge charge = FullCharge(ChargeStatus.Failed);

        string json = JsonSerializer.Serialize(charge, Reflection);
        Charge? back = JsonSerializer.Deserialize<Charge>(json, Reflection);

        Assert.Contains("\"Status\":\"failed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"FailureReason\":\"insufficient_funds\"", json, StringComparison.Ordinal);
        Assert.Equal(charge, back);
        Assert.Equal(ChargeStatus.Failed, back!.Status);
        Assert.True(back.Status.IsTerminal);
    }

    [Fact]
    public void ChargeResult_round_trips_through_the_context_and_plain_JsonSerializer()
    {
        var result = new ChargeResult(FullCharge(ChargeStatus.Succeeded), "idem_1", "req_9", 3);

        ChargeResult? viaContext = JsonSerializer.Deserialize(JsonSerializer.Serialize(result, PaymentsJsonContext.Default.ChargeResult), PaymentsJsonContext.Default.ChargeResult);
        ChargeResult? viaReflection = JsonSerializer.Deserialize<ChargeResult>(JsonSerializer.Serialize(result, Reflection), Reflection);

        Assert.Equal(result, viaContext);
        Assert.Equal(result, viaReflection);
    }

    [Fact]
    public void ChargeRequest_round_trips_through_the_context_and_plain_JsonSerializer()
    {
        var request = new ChargeRequest
        {
            Amount = 2500,
            Currency = "usd",
            CustomerId = "cus_1",
            PaymentMethodId = "pm_1",
            IdempotencyKey = "order-42",
            Description = "order 42",
            Metadata = new Dictionary<string, string> { ["order"] = "42" },
        };

        ChargeRequest? viaContext = JsonSerializer.Deserialize(JsonSerializer.Serialize(request, PaymentsJsonContext.Default.ChargeRequest), PaymentsJsonContext.Default.ChargeRequest);
        ChargeRequest? viaReflection = JsonSerializer.Deserialize<ChargeRequest>(JsonSerializer.Serialize(request, Reflection), Reflection);

        Assert.Equal(request, viaContext);
        Assert.Equal(request, viaReflection);
    }

    [Fact]
    public void Status_reason_and_wire_format_serialize_alone_as_strings()
    {
        Assert.Equal("\"pending\"", JsonSerializer.Serialize(ChargeStatus.Pending, PaymentsJsonContext.Default.ChargeStatus));
        Assert.Equal("\"lost_card\"", JsonSerializer.Serialize(FailureReason.LostCard, PaymentsJsonContext.Default.FailureReason));
        Assert.Equal("\"Enveloped\"", JsonSerializer.Serialize(PaymentsWireFormat.Enveloped, PaymentsJsonContext.Default.PaymentsWireFormat));
        Assert.Equal(new FailureReason("do_not_honor"), JsonSerializer.Deserialize("\"do_not_honor\"", PaymentsJsonContext.Default.FailureReason));
        Assert.Equal(PaymentsWireFormat.Enveloped, JsonSerializer.Deserialize<PaymentsWireFormat>("\"Enveloped\"", Reflection));
    }

    [Fact]
    public void A_default_status_writes_null_and_reads_back_as_default()
    {
        Charge unset = new() { Id = "ch_1" };

        string json = JsonSerializer.Serialize(unset, PaymentsJsonContext.Default.Charge);
        Charge? back = JsonSerializer.Deserialize(json, PaymentsJsonContext.Default.Charge);

        Assert.Contains("\"status\":null", json, StringComparison.Ordinal);
        Assert.Equal(default, back!.Status);
        Assert.Null(back.FailureReason);
    }

    [Fact]
    public void A_status_that_is_not_a_string_is_a_JsonException()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"id\":\"ch_1\",\"status\":{\"isKnown\":true}}", PaymentsJsonContext.Default.Charge));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("7", PaymentsJsonContext.Default.FailureReason));
    }
}
