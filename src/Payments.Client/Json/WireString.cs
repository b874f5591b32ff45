using System.Text.Json;

namespace Payments.Client;

/// <summary>The JSON shape both extensible enumerations share: the wire string, or null for <c>default</c>.</summary>
internal static class WireString
{
    public static string? Read(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {what} as a JSON string, got {reader.TokenType}.");
        }

        string value = reader.GetString()!;
        return value.Length == 0 ? null : value;
    }

    // default(ChargeStatus) has no wire value; null keeps it distinguishable from every real one.
    public static void Write(Utf8JsonWriter writer, string value)
    {
        if (value.Length == 0)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
