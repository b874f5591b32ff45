using System.Text.Json.Serialization;

namespace Payments.Client;

/// <summary>Which request body the client sends. Responses are read in either format regardless.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentsWireFormat>))]
public enum PaymentsWireFormat
{
    /// <summary>The v1 contract (default): snake_case body carrying the idempotency key, bare responses.</summary>
    V1 = 0,

    /// <summary>The enveloped contract: camelCase body, responses inside <c>{ "success": ..., "data": ... }</c>.</summary>
    Enveloped = 1,
}
