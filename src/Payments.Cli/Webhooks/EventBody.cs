using Payments.Client;
using Payments.Client.Testing;

namespace Payments.Cli.Webhooks;

/// <summary>
/// A charge event for <c>payments trigger</c>: the test customer's charge, written by the contract's one charge
/// writer, so it has the fields, order and shape the fake API sends.
/// </summary>
internal static class EventBody
{
    public static byte[] Write(string eventId, string type, string chargeId, long amount, string currency, DateTimeOffset now)
    {
        bool failed = type == "charge.failed";
        var charge = new Charge
        {
            Id = chargeId,
            Object = WireNames.ObjectOf(PaymentsWireFormat.V1),
            Status = failed ? ChargeStatus.Failed : ChargeStatus.Succeeded,
            Amount = amount,
            Currency = currency,
            CustomerId = TestCustomers.Default,
            PaymentMethodId = failed ? TestPaymentMethods.InsufficientFunds : TestPaymentMethods.Succeeds,
            CreatedAt = now,
            UpdatedAt = now,
            FailureReason = failed ? FailureReason.InsufficientFunds : null,
            Livemode = false,
        };
        return ChargeJsonWriter.WriteEvent(eventId, type, now, charge);
    }
}
