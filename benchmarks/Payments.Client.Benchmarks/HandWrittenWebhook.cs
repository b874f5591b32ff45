using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.Client.Benchmarks;

/// <summary>
/// The webhook floor a careful engineer writes by hand: parse <c>sha256=&lt;hex&gt;</c>, one HMAC-SHA256,
/// a constant-time compare, then a source-generated System.Text.Json deserialize into a typed event.
/// </summary>
internal sealed class HandWrittenWebhook(byte[] secret)
{
    public BaselineEvent VerifyAndParse(ReadOnlySpan<byte> body, string signatureHeader)
    {
        Span<byte> expected = stackalloc byte[32];
        if (!signatureHeader.StartsWith("sha256=", StringComparison.Ordinal)
            || Convert.FromHexString(signatureHeader.AsSpan(7), expected, out _, out int written) != System.Buffers.OperationStatus.Done
            || written != 32)
        {
            throw new CryptographicException("Malformed signature.");
        }

        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(secret, body, actual);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            throw new CryptographicException("Signature mismatch.");
        }

        return JsonSerializer.Deserialize(body, BaselineWebhookJson.Default.BaselineEvent) ?? throw new JsonException("null event");
    }
}

public sealed record BaselineEvent(string Id, string Type, DateTimeOffset? CreatedAt, BaselineEventCharge Data);

public sealed record BaselineEventCharge(string Id, string? Status, long? Amount, string? Currency, string? CustomerId, string? PaymentMethodId, DateTimeOffset? CreatedAt, string? FailureReason, Dictionary<string, string?>? Metadata, string? Description);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BaselineEvent))]
internal sealed partial class BaselineWebhookJson : JsonSerializerContext;
