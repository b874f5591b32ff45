using System.Buffers;
using System.Text.Json;
using Payments.Client.Testing.Rules;

namespace Payments.Client.Testing.Json;

/// <summary>Writes <c>{ "success": false, "error": { type, code, message, param, details, doc_url } }</c>.</summary>
internal static class ErrorJsonWriter
{
    public static byte[] Write(ApiError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success"u8, false);
            writer.WriteStartObject("error"u8);
            writer.WriteString("type"u8, error.Type);
            writer.WriteString("code"u8, error.Code);
            writer.WriteString("message"u8, error.Message);
            if (error.Param is null)
            {
                writer.WriteNull("param"u8);
            }
            else
            {
                writer.WriteString("param"u8, error.Param);
            }

            if (error.ChargeId is null)
            {
                writer.WriteNull("details"u8);
            }
            else
            {
                writer.WriteStartObject("details"u8);
                writer.WriteString("charge_id"u8, error.ChargeId);
                writer.WriteEndObject();
            }

            writer.WriteString("doc_url"u8, error.DocUrl);
            if (error.FailureReason is not null)
            {
                writer.WriteString("failure_reason"u8, error.FailureReason);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
