using Payments.Client;
using Payments.Client.Testing;

namespace JournalWorker;

/// <summary>The proofs' orders: order i has reference <c>order-i</c> and a payment method picked from i, so a share is declined and a share goes pending.</summary>
internal static class Orders
{
    public static string Reference(int order) => $"order-{order}";

    public static ChargeRequest Request(int order) => new()
    {
        Amount = 1000 + order,
        Currency = "usd",
        CustomerId = TestCustomers.Default,
        PaymentMethodId = (order % 10) switch
        {
            0 => TestPaymentMethods.InsufficientFunds,
            1 or 2 => TestPaymentMethods.PendingThenSucceeds,
            3 => TestPaymentMethods.PendingThenFails,
            _ => TestPaymentMethods.Succeeds,
        },
        Metadata = new Dictionary<string, string> { [ChargeJournal.MerchantReferenceKey] = Reference(order) },
    };
}
