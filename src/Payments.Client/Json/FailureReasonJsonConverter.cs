using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.Client;

/// <summary>
/// Writes a <see cref="FailureReason"/> as its wire string (<c>"insufficient_funds"</c>) and reads it back, unknown
/// values included. Applied by an attribute on the type, so <see cref="JsonSerializer"/> uses it without configuration;
/// public so source-generated contexts in your own assembly can instantiate it.
/// </summary>
public sealed class FailureReasonJsonConverter : JsonConverter<FailureReason>
{
    /// <summary><see langword="true"/>: a JSON null reads as <c>default</c>.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override FailureReason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireString.Read(ref reader, "a failure reason") is { } value ? new FailureReason(value) : default;

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FailureReason value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WireString.Write(writer, value.ToString());
    }
}
