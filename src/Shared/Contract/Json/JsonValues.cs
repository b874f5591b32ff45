using System.Globalization;
using System.Text.Json;

namespace Payments.Client.Contract;

/// <summary>Lenient readers for scalar values: JSON null reads as "absent", anything else must have the documented type.</summary>
internal static class JsonValues
{
    /// <summary><see cref="Utf8JsonReader.GetString"/>, with invalid UTF-8 reported as the <see cref="JsonException"/> it is.</summary>
    public static string GetString(scoped ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("A string in the JSON is not valid UTF-8.", ex);
        }
    }

    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => GetString(ref reader),
        _ => throw new JsonException($"Expected a string but found {reader.TokenType}."),
    };

    public static long? ReadInt64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt64(out long value) => value,
        _ => throw new JsonException($"Expected an integer amount but found {reader.TokenType}."),
    };

    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new JsonException($"Expected true or false but found {reader.TokenType}."),
    };

    /// <summary>ISO 8601 text, or a number of Unix seconds.</summary>
    public static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when reader.TryGetDateTimeOffset(out DateTimeOffset value):
                return value;
            case JsonTokenType.String when DateTimeOffset.TryParse(GetString(ref reader), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed):
                return parsed;
            case JsonTokenType.Number when reader.TryGetInt64(out long seconds) && seconds is >= -62135596800 and <= 253402300799:
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            default:
                throw new JsonException($"Expected a timestamp but found {reader.TokenType}.");
        }
    }

    /// <summary>A string-to-string map; values that are not strings are kept as their JSON text, JSON null as null.</summary>
    public static IReadOnlyDictionary<string, string?> ReadStringMap(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return System.Collections.ObjectModel.ReadOnlyDictionary<string, string?>.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object but found {reader.TokenType}.");
        }

        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = GetString(ref reader);
            reader.Read();
            map[key] = reader.TokenType switch
            {
                JsonTokenType.String => GetString(ref reader),
                JsonTokenType.Null => null,
                _ => JsonElement.ParseValue(ref reader).GetRawText(),
            };
        }

        return map;
    }
}
