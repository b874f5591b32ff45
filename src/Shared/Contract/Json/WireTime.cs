using System.Globalization;

namespace Payments.Client.Contract;

/// <summary>Timestamps as both documents show them: ISO 8601, UTC, whole seconds (<c>2024-01-15T10:30:00Z</c>).</summary>
internal static class WireTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
