using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Payments.Cli.Webhooks;

/// <summary>
/// A charge event in the contract's shape, <c>{ id, type, created_at, data: { charge, snake_case } }</c>, the same
/// fields in the same order as the fake API sends.
/// </summary>
internal static class EventBody
{
    public static byte[] Write(string eventId, string type, string chargeId, long amount, string currency, DateTimeOffset now)
    {
        bool failed = type == "charge.failed";
        string time = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, eventId);
            writer.WriteString("type"u8, type);
            writer.WriteString("created_at"u8, time);
            writer.WriteStartObject("data"u8);
            writer.WriteString("id"u8, chargeId);
            writer.WriteString("object"u8, "charge"u8);
            writer.WriteString("status"u8, failed ? "failed"u8 : "succeeded"u8);
            writer.WriteNumber("amount"u8, amount);
            writer.WriteString("currency"u8, currency);
            writer.WriteString("customer_id"u8, "cus_test_default"u8);
            writer.WriteString("payment_method_id"u8, failed ? "pm_test_insufficient_funds"u8 : "pm_test_succeeds"u8);
            writer.WriteNull("description"u8);
            writer.WriteString("created_at"u8, time);
            writer.WriteString("updated_at"u8, time);
            if (failed)
            {
                writer.WriteString("failure_reason"u8, "insufficient_funds"u8);
            }
            else
            {
                writer.WriteNull("failure_reason"u8);
            }

            writer.WriteStartObject("metadata"u8);
            writer.WriteEndObject();
            writer.WriteBoolean("livemode"u8, false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
