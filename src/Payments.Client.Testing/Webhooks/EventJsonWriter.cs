using System.Buffers;
using System.Text.Json;
using Payments.Client.Testing.Json;

namespace Payments.Client.Testing.Webhooks;

/// <summary>Writes <c>{ "id": "evt_...", "type": "...", "created_at": "...", "data": { charge, snake_case } }</c>.</summary>
internal static class EventJsonWriter
{
    public static byte[] Write(string eventId, string type, DateTimeOffset createdAt, FakeCharge charge)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id"u8, eventId);
            writer.WriteString("type"u8, type);
            writer.WriteString("created_at"u8, JsonTime.Format(createdAt));
            writer.WritePropertyName("data"u8);
            ChargeJsonWriter.WriteSnakeCase(writer, charge);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
