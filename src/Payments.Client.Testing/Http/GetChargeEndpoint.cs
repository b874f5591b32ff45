using Payments.Client.Testing.Charges;
using Payments.Client.Testing.Rules;

namespace Payments.Client.Testing.Http;

/// <summary><c>GET /v1/payments/charges/{id}</c>: the charge as it stands now, in the wire format it was created in.</summary>
internal sealed class GetChargeEndpoint(ChargeLedger ledger)
{
    public ApiResponse Handle(string chargeId) =>
        ledger.Find(chargeId) is { } charge
            ? new ApiResponse(200, ChargeJsonWriter.WriteResponse(charge.ToWire(charge.WireFormat), charge.WireFormat))
            : ApiResponse.Error(ApiErrors.ChargeNotFound(chargeId));
}
