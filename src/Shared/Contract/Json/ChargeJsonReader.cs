using System.Text.Json;

namespace Payments.Client.Contract;

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
        string? id = null, obj = null, currency = null, customerId = null, methodId = null,
            description = null, failureReason = null, status = null, kind = null, provider = null, url = null;
        long? amount = null, amountSubtotal = null, taxAmount = null, amountTotal = null;
        DateTimeOffset? createdAt = null, updatedAt = null, expiresAt = null;
        bool? livemode = null;
        IReadOnlyDictionary<string, string?>? metadata = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = nameBuffer[..JsonName.Normalize(ref reader, nameBuffer)];
            reader.Read();

            if (WireNames.Id.Is(name)) id = JsonValues.ReadString(ref reader);
            else if (WireNames.Status.Is(name)) status = JsonValues.ReadString(ref reader);
            else if (WireNames.Amount.Is(name)) amount = JsonValues.ReadInt64(ref reader);
            else if (WireNames.Currency.Is(name)) currency = JsonValues.ReadString(ref reader);
            else if (WireNames.CustomerId.Is(name)) customerId = JsonValues.ReadString(ref reader);
            else if (WireNames.PaymentMethodId.Is(name)) methodId = JsonValues.ReadString(ref reader);
            else if (WireNames.Description.Is(name)) description = JsonValues.ReadString(ref reader);
            else if (WireNames.CreatedAt.Is(name)) createdAt = JsonValues.ReadTimestamp(ref reader);
            else if (WireNames.UpdatedAt.Is(name)) updatedAt = JsonValues.ReadTimestamp(ref reader);
            else if (WireNames.FailureReason.Is(name)) failureReason = JsonValues.ReadString(ref reader);
            else if (WireNames.Metadata.Is(name)) metadata = JsonValues.ReadStringMap(ref reader);
            else if (WireNames.Object.Is(name)) obj = JsonValues.ReadString(ref reader);
            else if (WireNames.Livemode.Is(name)) livemode = JsonValues.ReadBoolean(ref reader);
            else if (WireNames.AmountSubtotal.Is(name)) amountSubtotal = JsonValues.ReadInt64(ref reader);
            else if (WireNames.TaxAmount.Is(name)) taxAmount = JsonValues.ReadInt64(ref reader);
            else if (WireNames.AmountTotal.Is(name)) amountTotal = JsonValues.ReadInt64(ref reader);
            else if (WireNames.Kind.Is(name)) kind = JsonValues.ReadString(ref reader);
            else if (WireNames.Provider.Is(name)) provider = JsonValues.ReadString(ref reader);
            else if (WireNames.Url.Is(name)) url = JsonValues.ReadString(ref reader);
            else if (WireNames.ExpiresAt.Is(name)) expiresAt = JsonValues.ReadTimestamp(ref reader);
            else if (WireNames.Success.Is(name)) success = JsonValues.ReadBoolean(ref reader);
            else if (WireNames.Data.Is(name) && reader.TokenType == JsonTokenType.StartObject) enveloped = ReadCharge(ref reader);
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
            PaymentMethodId = methodId,
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
