using System.Text.Json;

namespace Payments.Client.Contract;

/// <summary>
/// The one writer of a charge request: the client sends it, the fixture tests hold it to the documents' examples.
/// v1 is the 004 document's body (the key in the body too); enveloped is the 000 page's body, with a payment
/// method and metadata only when the caller gave them.
/// </summary>
internal static class ChargeRequestWriter
{
    public static void Write(Utf8JsonWriter writer, ChargeRequest request, string idempotencyKey, PaymentsWireFormat format)
    {
        writer.WriteStartObject();
        if (format == PaymentsWireFormat.V1)
        {
            writer.WriteNumber(WireNames.Amount.EncodedIn(format), request.Amount);
            WriteCurrency(writer, request.Currency);
            writer.WriteString(WireNames.CustomerId.EncodedIn(format), request.CustomerId);
            writer.WriteString(WireNames.PaymentMethodId.EncodedIn(format), request.PaymentMethodId);
            writer.WriteString(WireNames.IdempotencyKey.EncodedIn(format), idempotencyKey);
        }
        else
        {
            writer.WriteString(WireNames.CustomerId.EncodedIn(format), request.CustomerId);
            writer.WriteNumber(WireNames.Amount.EncodedIn(format), request.Amount);
            WriteCurrency(writer, request.Currency);
            if (request.PaymentMethodId is not null)
            {
                writer.WriteString(WireNames.PaymentMethodId.EncodedIn(format), request.PaymentMethodId);
            }
        }

        if (request.Description is not null)
        {
            writer.WriteString(WireNames.Description.EncodedIn(format), request.Description);
        }

        if (request.Metadata is { Count: > 0 } metadata)
        {
            writer.WriteStartObject(WireNames.Metadata.EncodedIn(format));
            WritePairs(writer, metadata);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WritePairs(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> metadata)
    {
#if OWNS_CHARGE_MODELS
        // The request's own copy is enumerated by its struct enumerator: no boxed enumerator per charge.
        if (metadata is ReadOnlyValueDictionary<string> values)
        {
            foreach (KeyValuePair<string, string> pair in values)
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            return;
        }
#endif
        foreach (KeyValuePair<string, string> pair in metadata)
        {
            writer.WriteString(pair.Key, pair.Value);
        }
    }

    // Currency codes are sent lowercase (README "Transport").
    private static void WriteCurrency(Utf8JsonWriter writer, string currency)
    {
        ReadOnlySpan<char> trimmed = currency.AsSpan().Trim();
        Span<char> lower = trimmed.Length <= 16 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        trimmed.ToLowerInvariant(lower);
        writer.WriteString(WireNames.Currency.EncodedIn(PaymentsWireFormat.V1), lower);
    }
}
