using System.Globalization;

namespace Payments.Client.Testing.Json;

/// <summary>Timestamps as the documents show them: ISO 8601, UTC, whole seconds.</summary>
internal static class JsonTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
