using System.Text.Json;

namespace Payments.Client.Serialization;

/// <summary>
/// Writes the charge body once per call, in the configured wire format (see <see cref="ChargeBodyWriter"/>
/// for where the bytes go). Each attempt then sends fresh content over the same bytes: a rewound or
/// re-sent request would go out empty.
/// </summary>
internal static class ChargeRequestWriter
{
    public static void Write(Utf8JsonWriter writer, ChargeRequest request, string idempotencyKey, PaymentsWireFormat format)
    {
        bool v1 = format == PaymentsWireFormat.V1;
        writer.WriteStartObject();
        if (v1)
        {
            writer.WriteNumber("amount"u8, request.Amount);
            WriteCurrency(writer, request.Currency);
            writer.WriteString("customer_id"u8, request.CustomerId);
            writer.WriteString("payment_method_id"u8, request.PaymentMethodId);
            writer.WriteString("idempotency_key"u8, idempotencyKey);
        }
        else
        {
            writer.WriteString("customerId"u8, request.CustomerId);
            writer.WriteNumber("amount"u8, request.Amount);
            WriteCurrency(writer, request.Currency);
            if (request.PaymentMethodId is not null)
            {
                writer.WriteString("paymentMethodId"u8, request.PaymentMethodId);
            }
        }

        if (request.Description is not null)
        {
            writer.WriteString("description"u8, request.Description);
        }

        if (request.Metadata is { Count: > 0 } metadata)
        {
            writer.WriteStartObject("metadata"u8);

            // The request's own copy is enumerated by its struct enumerator: no boxed enumerator per charge.
            if (metadata is ReadOnlyValueDictionary<string> values)
            {
                foreach (KeyValuePair<string, string> pair in values)
                {
                    writer.WriteString(pair.Key, pair.Value);
                }
            }
            else
            {
                foreach (KeyValuePair<string, string> pair in metadata)
                {
                    writer.WriteString(pair.Key, pair.Value);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteCurrency(Utf8JsonWriter writer, string currency)
    {
        ReadOnlySpan<char> trimmed = currency.AsSpan().Trim();
        Span<char> lower = trimmed.Length <= 16 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        trimmed.ToLowerInvariant(lower);
        writer.WriteString("currency"u8, lower);
    }
}
