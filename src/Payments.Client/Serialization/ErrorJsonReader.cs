using System.Text.Json;

namespace Payments.Client.Serialization;

/// <summary>
/// Reads <c>{ "success": false, "error": {...} }</c> or <c>{ "error": {...} }</c> (a bare
/// <c>{ "success": false }</c> reads as an error with no fields). Anything else
/// (a proxy's HTML page, an empty body, truncated JSON) yields <see langword="null"/>: the status code
/// alone then decides the error's kind.
/// </summary>
internal static class ErrorJsonReader
{
    public static ApiError? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            Span<byte> nameBuffer = stackalloc byte[64];
            ApiError? error = null;
            bool failed = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ReadOnlySpan<byte> name = nameBuffer[..JsonName.Normalize(ref reader, nameBuffer)];
                bool isError = WireNames.Error.Is(name);
                bool isSuccess = WireNames.Success.Is(name);
                reader.Read();
                if (isSuccess && reader.TokenType == JsonTokenType.False)
                {
                    failed = true;
                }
                else if (isError && reader.TokenType == JsonTokenType.StartObject)
                {
                    error = ReadError(ref reader);
                }
                else if (isError && reader.TokenType == JsonTokenType.String)
                {
                    // Some gateways answer { "error": "message" }; keep the message.
                    error = new ApiError(null, null, JsonValues.GetString(ref reader), null, null, null, null);
                }
                else
                {
                    reader.Skip();
                }
            }

            // { "success": false } with no error object is still an error, one the status (or nothing) describes.
            return error ?? (failed ? new ApiError(null, null, null, null, null, null, null) : null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: invalid UTF-8 inside a string of the details object.
            return null;
        }
    }

    private static ApiError ReadError(ref Utf8JsonReader reader)
    {
        Span<byte> nameBuffer = stackalloc byte[64];
        string? type = null, code = null, message = null, param = null, docUrl = null, failureReason = null;
        JsonElement? details = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = nameBuffer[..JsonName.Normalize(ref reader, nameBuffer)];
            reader.Read();

            if (WireNames.Type.Is(name)) type = ScalarText(ref reader);
            else if (WireNames.Code.Is(name)) code = ScalarText(ref reader);
            else if (WireNames.Message.Is(name)) message = ScalarText(ref reader);
            else if (WireNames.Param.Is(name)) param = ScalarText(ref reader);
            else if (WireNames.DocUrl.Is(name)) docUrl = ScalarText(ref reader);
            else if (WireNames.FailureReason.Is(name) || WireNames.DeclineCode.Is(name)) failureReason = ScalarText(ref reader);
            else if (WireNames.Details.Is(name))
            {
                JsonElement value = JsonElement.ParseValue(ref reader);
                details = value.ValueKind == JsonValueKind.Null ? null : value;
            }
            else reader.Skip();
        }

        if (failureReason is null && details is { ValueKind: JsonValueKind.Object } d)
        {
            foreach (JsonProperty property in d.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String &&
                    (property.NameEquals(WireNames.FailureReason.V1) || property.NameEquals(WireNames.FailureReason.Enveloped)))
                {
                    failureReason = property.Value.GetString();
                }
            }
        }

        return new ApiError(type, code, message, param, details, docUrl, failureReason);
    }

    // Error fields are for humans; a number or bool where a string was documented is kept as text, not rejected.
    private static string? ScalarText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return JsonValues.GetString(ref reader);
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                // Numbers and literals are ASCII by the time the reader has validated them.
                return System.Text.Encoding.ASCII.GetString(reader.ValueSpan);
        }
    }
}
