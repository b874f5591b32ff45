using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.Client;

/// <summary>
/// Writes a <see cref="ChargeStatus"/> as its wire string (<c>"succeeded"</c>) and reads it back, unknown values
/// included. Applied by an attribute on the type, so <see cref="JsonSerializer"/> uses it without configuration;
/// public so source-generated contexts in your own assembly can instantiate it.
/// </summary>
public sealed class ChargeStatusJsonConverter : JsonConverter<ChargeStatus>
{
    /// <summary><see langword="true"/>: a JSON null reads as <c>default</c>, the value a status has before it is set.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override ChargeStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireString.Read(ref reader, "a charge status") is { } value ? new ChargeStatus(value) : default;

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ChargeStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WireString.Write(writer, value.ToString());
    }
}
