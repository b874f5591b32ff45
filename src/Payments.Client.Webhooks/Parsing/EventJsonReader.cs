using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Payments.Client.Serialization;

namespace Payments.Client.Webhooks.Parsing;

/// <summary>
/// Reads <c>{ "id", "type", "created_at", "data": {charge} }</c> and the legacy
/// <c>{ "event", "data" }</c>. Only ever called on a verified body.
/// </summary>
internal static class EventJsonReader
{
    public static PaymentsEvent Read(ReadOnlySpan<byte> body)
    {
        // Utf8JsonReader checks UTF-8 only in what it unescapes: property names matched byte-wise and
        // skipped values would pass unchecked, and an unknown event's RawJson would then differ from the
        // signed bytes. One vectorized pass over the whole body, no allocation.
        if (!Utf8.IsValid(body))
        {
            throw new WebhookVerificationException(WebhookFailureReason.MalformedPayload, "The webhook body is not valid UTF-8.");
        }

        try
        {
            return ReadCore(body);
        }
        catch (JsonException ex)
        {
            throw new WebhookVerificationException(WebhookFailureReason.MalformedPayload, $"The webhook body is not a valid event: {ex.Message}", ex);
        }
    }

    private static PaymentsEvent ReadCore(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }

        Span<byte> nameBuffer = stackalloc byte[64];
        string? id = null, type = null, legacyType = null;
        DateTimeOffset? createdAt = null;
        Charge? charge = null;
        bool hasData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = nameBuffer[..JsonName.Normalize(ref reader, nameBuffer)];
            reader.Read();
            if (WireNames.Id.Is(name)) id = JsonValues.ReadString(ref reader);
            else if (WireNames.Type.Is(name)) type = JsonValues.ReadString(ref reader);
            else if (WireNames.Event.Is(name)) legacyType = JsonValues.ReadString(ref reader);
            else if (WireNames.CreatedAt.Is(name)) createdAt = JsonValues.ReadTimestamp(ref reader);
            else if (WireNames.Data.Is(name) && reader.TokenType == JsonTokenType.StartObject)
            {
                hasData = true;
                charge = TryReadCharge(ref reader);
            }
            else reader.Skip();
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("The event object is not closed, or has content after it.");
        }

        string eventType = type ?? legacyType ?? throw new JsonException("The event has no type (neither 'type' nor 'event').");
        string eventId = string.IsNullOrEmpty(id) ? DerivedId(body) : id;
        switch (eventType)
        {
            case ChargeSucceededEvent.EventType:
                return new ChargeSucceededEvent { Id = eventId, Type = eventType, CreatedAt = createdAt, Charge = charge ?? throw NoCharge(eventType, hasData) };
            case ChargeFailedEvent.EventType:
                return new ChargeFailedEvent { Id = eventId, Type = eventType, CreatedAt = createdAt, Charge = charge ?? throw NoCharge(eventType, hasData) };
            default:
                return new UnknownPaymentsEvent { Id = eventId, Type = eventType, CreatedAt = createdAt, RawJson = Encoding.UTF8.GetString(body) };
        }
    }

    // An unknown event's data need not be a charge; a charge event's must be (checked above).
    private static Charge? TryReadCharge(ref Utf8JsonReader reader)
    {
        Utf8JsonReader probe = reader;
        try
        {
            return ChargeJsonReader.ReadCharge(ref reader);
        }
        catch (JsonException)
        {
            reader = probe;
            reader.Skip();
            return null;
        }
    }

    private static JsonException NoCharge(string type, bool hasData) =>
        new(hasData ? $"The '{type}' event's data is not a charge." : $"The '{type}' event has no data.");

    private static string DerivedId(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return "evt_sha256_" + Convert.ToHexString(hash[..16]).ToLowerInvariant();
    }
}
