using System.Buffers;
using System.Text.Json;

namespace Payments.Client.Testing.Json;

/// <summary>
/// Writes a charge the way each contract shows it: v1 bare and snake_case; enveloped inside
/// <c>{ "success": true, "data": ... }</c> and camelCase, with the enveloped page's extra fields.
/// </summary>
internal static class ChargeJsonWriter
{
    public static byte[] Write(FakeCharge charge, FakeWireFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (format == FakeWireFormat.Enveloped)
            {
                writer.WriteStartObject();
                writer.WriteBoolean("success"u8, true);
                writer.WritePropertyName("data"u8);
                WriteEnveloped(writer, charge);
                writer.WriteEndObject();
            }
            else
            {
                WriteSnakeCase(writer, charge);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The v1 charge object; also the <c>data</c> of webhook events.</summary>
    public static void WriteSnakeCase(Utf8JsonWriter writer, FakeCharge charge)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, charge.Id);
        writer.WriteString("object"u8, "charge"u8);
        writer.WriteString("status"u8, charge.Status.ToString());
        writer.WriteNumber("amount"u8, charge.Amount);
        writer.WriteString("currency"u8, charge.Currency);
        writer.WriteString("customer_id"u8, charge.CustomerId);
        writer.WriteString("payment_method_id"u8, charge.PaymentMethodId);
        WriteNullable(writer, "description"u8, charge.Description);
        writer.WriteString("created_at"u8, JsonTime.Format(charge.CreatedAt));
        writer.WriteString("updated_at"u8, JsonTime.Format(charge.UpdatedAt));
        WriteNullable(writer, "failure_reason"u8, charge.FailureReason);
        WriteMetadata(writer, charge.Metadata);
        writer.WriteBoolean("livemode"u8, false);
        writer.WriteEndObject();
    }

    private static void WriteEnveloped(Utf8JsonWriter writer, FakeCharge charge)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, charge.Id);
        writer.WriteString("object"u8, "payment"u8);
        writer.WriteString("customerId"u8, charge.CustomerId);
        writer.WriteString("paymentMethodId"u8, charge.PaymentMethodId);
        writer.WriteString("kind"u8, "charge"u8);
        writer.WriteString("status"u8, charge.Status.ToString());
        writer.WriteString("provider"u8, "fake"u8);
        writer.WriteNumber("amount"u8, charge.Amount);

        // The fake charges no tax: subtotal, tax and total keep the enveloped page's shape.
        writer.WriteNumber("amountSubtotal"u8, charge.Amount);
        writer.WriteNumber("taxAmount"u8, 0);
        writer.WriteNumber("amountTotal"u8, charge.Amount);
        writer.WriteString("currency"u8, charge.Currency);
        WriteNullable(writer, "description"u8, charge.Description);
        WriteNullable(writer, "failureReason"u8, charge.FailureReason);
        WriteMetadata(writer, charge.Metadata);
        writer.WriteNull("url"u8);
        writer.WriteNull("expiresAt"u8);
        writer.WriteString("createdAt"u8, JsonTime.Format(charge.CreatedAt));
        writer.WriteString("updatedAt"u8, JsonTime.Format(charge.UpdatedAt));
        writer.WriteBoolean("livemode"u8, false);
        writer.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> metadata)
    {
        writer.WriteStartObject("metadata"u8);
        foreach (KeyValuePair<string, string> pair in metadata)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
