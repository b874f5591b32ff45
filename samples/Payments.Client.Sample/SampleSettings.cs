using Payments.Client.Testing;

namespace Payments.Client.Sample;

/// <summary>
/// Who and what the sample charges (configuration section <c>Sample</c>). The defaults are the fake's
/// test customer and payment methods; against another API, set them to that API's test data.
/// </summary>
public sealed class SampleSettings
{
    /// <summary>The customer charged in every step.</summary>
    public string CustomerId { get; set; } = TestCustomers.Default;

    /// <summary>A payment method that succeeds.</summary>
    public string PaymentMethodId { get; set; } = TestPaymentMethods.Succeeds;

    /// <summary>A payment method that is declined for insufficient funds.</summary>
    public string DecliningPaymentMethodId { get; set; } = TestPaymentMethods.InsufficientFunds;

    /// <summary>A payment method whose charges go pending, then succeed.</summary>
    public string PendingPaymentMethodId { get; set; } = TestPaymentMethods.PendingThenSucceeds;

    /// <summary>The currency of every charge.</summary>
    public string Currency { get; set; } = "usd";
}
