namespace Payments.Client.Testing;

/// <summary>Which of the two documented request bodies a charge arrived in; the fake answers in the same one.</summary>
public enum FakeWireFormat
{
    /// <summary>The v1 contract: snake_case body carrying <c>idempotency_key</c>; the charge is answered bare.</summary>
    V1 = 0,

    /// <summary>The enveloped contract: camelCase body with <c>customerId</c>; answered inside <c>{ "success": true, "data": ... }</c>.</summary>
    Enveloped = 1,
}
