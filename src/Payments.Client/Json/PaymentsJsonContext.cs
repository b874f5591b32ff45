using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.Client;

/// <summary>
/// Source-generated System.Text.Json metadata for the SDK's models (no reflection, trimming- and AOT-safe),
/// with web defaults (camelCase). Use it to cache or queue a <see cref="Charge"/>, or chain it into an app's
/// options: <c>options.SerializerOptions.TypeInfoResolverChain.Insert(0, PaymentsJsonContext.Default)</c>.
/// </summary>
/// <remarks>
/// <see cref="ChargeStatus"/> and <see cref="FailureReason"/> carry their converters as attributes, so plain
/// <c>JsonSerializer.Serialize(charge)</c> also writes them as their wire strings.
/// </remarks>
[SuppressMessage("ApiDesign", "RS0041", Justification = "The members the System.Text.Json generator adds are nullable-oblivious; they are listed in PublicAPI like any other.")]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Charge))]
[JsonSerializable(typeof(ChargeRequest))]
[JsonSerializable(typeof(ChargeResult))]
[JsonSerializable(typeof(ChargeStatus))]
[JsonSerializable(typeof(FailureReason))]
[JsonSerializable(typeof(PaymentsWireFormat))]
public sealed partial class PaymentsJsonContext : JsonSerializerContext;
