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
            writer.WriteBoolean(WireNames.Success.V1, false);
            writer.WriteStartObject(WireNames.Error.V1);
            writer.WriteString(WireNames.Type.V1, error.Type);
            writer.WriteString(WireNames.Code.V1, error.Code);
            writer.WriteString(WireNames.Message.V1, error.Message);
            if (error.Param is null)
            {
                writer.WriteNull(WireNames.Param.V1);
            }
            else
            {
                writer.WriteString(WireNames.Param.V1, error.Param);
            }

            if (error.ChargeId is null)
            {
                writer.WriteNull(WireNames.Details.V1);
            }
            else
            {
                writer.WriteStartObject(WireNames.Details.V1);
                writer.WriteString(WireNames.ChargeId.V1, error.ChargeId);
                writer.WriteEndObject();
            }

            writer.WriteString(WireNames.DocUrl.V1, error.DocUrl);
            if (error.FailureReason is not null)
            {
                writer.WriteString(WireNames.FailureReason.V1, error.FailureReason);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
