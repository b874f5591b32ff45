using System.Text.Json;

namespace Payments.Client.Serialization;

/// <summary>
/// Reads a charge in either wire format: bare (v1) or inside <c>{ "success": true, "data": {...} }</c>,
/// snake_case or camelCase. Unknown fields are skipped and unknown enum values kept, so a newer API
/// never breaks an older SDK. Linked source (src/Shared): compiled into the client and the webhooks package alike.
/// </summary>
internal static class ChargeJsonReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Reads a whole success body, bare or enveloped.</summary>
    /// <exception cref="JsonException">The body is not JSON, or not a charge.</exception>
    public static Charge ReadResponse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The response body is empty.");
        }

        Charge charge = ReadCharge(ref reader);
        if (reader.Read())
        {
            throw new JsonException("The response body has content after the charge object.");
        }

        return charge;
    }

    /// <summary>
    /// Reads the charge object at the reader's current <see cref="JsonTokenType.StartObject"/>, leaving the
    /// reader on its <see cref="JsonTokenType.EndObject"/>. A <c>data</c> envelope is unwrapped.
    /// </summary>
    public static Charge ReadCharge(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a charge object but found {reader.TokenType}.");
        }

        Span<byte> nameBuffer = stackalloc byte[64];
        Charge? enveloped = null;
        bool? success = null;
        string? id = null, obj = null, currency = null, customerId = null, paymentMethodId = null,
            description = null, failureReason = null, status = null, kind = null, provider = null, url = null;
        long? amount = null, amountSubtotal = null, taxAmount = null, amountTotal = null;
        DateTimeOffset? createdAt = null, updatedAt = null, expiresAt = null;
        bool? livemode = null;
        IReadOnlyDictionary<string, string?>? metadata = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = nameBuffer[..JsonName.Normalize(ref reader, nameBuffer)];
            reader.Read();

            if (name.SequenceEqual("id"u8)) id = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("status"u8)) status = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("amount"u8)) amount = JsonValues.ReadInt64(ref reader);
            else if (name.SequenceEqual("currency"u8)) currency = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("customerid"u8)) customerId = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("paymentmethodid"u8)) paymentMethodId = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("description"u8)) description = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("createdat"u8)) createdAt = JsonValues.ReadTimestamp(ref reader);
            else if (name.SequenceEqual("updatedat"u8)) updatedAt = JsonValues.ReadTimestamp(ref reader);
            else if (name.SequenceEqual("failurereason"u8)) failureReason = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("metadata"u8)) metadata = JsonValues.ReadStringMap(ref reader);
            else if (name.SequenceEqual("object"u8)) obj = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("livemode"u8)) livemode = JsonValues.ReadBoolean(ref reader);
            else if (name.SequenceEqual("amountsubtotal"u8)) amountSubtotal = JsonValues.ReadInt64(ref reader);
            else if (name.SequenceEqual("taxamount"u8)) taxAmount = JsonValues.ReadInt64(ref reader);
            else if (name.SequenceEqual("amounttotal"u8)) amountTotal = JsonValues.ReadInt64(ref reader);
            else if (name.SequenceEqual("kind"u8)) kind = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("provider"u8)) provider = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("url"u8)) url = JsonValues.ReadString(ref reader);
            else if (name.SequenceEqual("expiresat"u8)) expiresAt = JsonValues.ReadTimestamp(ref reader);
            else if (name.SequenceEqual("success"u8)) success = JsonValues.ReadBoolean(ref reader);
            else if (name.SequenceEqual("data"u8) && reader.TokenType == JsonTokenType.StartObject) enveloped = ReadCharge(ref reader);
            else reader.Skip();
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The charge object is not closed.");
        }

        // An envelope that says it failed is an error whatever else it holds, a "data" object included.
        if (success == false)
        {
            throw new JsonException("The envelope reports success: false.");
        }

        if (enveloped is not null)
        {
            return enveloped;
        }

        if (string.IsNullOrEmpty(id))
        {
            throw new JsonException("The charge has no id.");
        }

        return new Charge
        {
            Id = id,
            Object = obj,
            Status = string.IsNullOrEmpty(status) ? default : new ChargeStatus(status),
            Amount = amount,
            Currency = currency,
            CustomerId = customerId,
            PaymentMethodId = paymentMethodId,
            Description = description,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            FailureReason = string.IsNullOrEmpty(failureReason) ? null : new FailureReason(failureReason),
            Metadata = Owned(metadata),
            Livemode = livemode,
            AmountSubtotal = amountSubtotal,
            TaxAmount = taxAmount,
            AmountTotal = amountTotal,
            Kind = kind,
            Provider = provider,
            Url = url,
            ExpiresAt = expiresAt,
        };
    }

    // Where Charge is defined, the map just read (nobody else holds it) becomes the model's read-only copy instead of
    // being copied once more on every response; elsewhere the model's setter copies it.
    private static IReadOnlyDictionary<string, string?> Owned(IReadOnlyDictionary<string, string?>? metadata) =>
#if OWNS_CHARGE_MODELS
        metadata is Dictionary<string, string?> map ? ReadOnlyValueDictionary<string?>.Adopt(map) :
#endif
        metadata ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>.Empty;
}
