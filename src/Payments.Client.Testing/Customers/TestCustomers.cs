namespace Payments.Client.Testing;

/// <summary>The test customers every fake starts with (unless <see cref="FakePaymentsApiOptions.SeedTestData"/> is off).</summary>
public static class TestCustomers
{
    /// <summary>Owns every <see cref="TestPaymentMethods"/> entry except <see cref="TestPaymentMethods.OtherCustomers"/>; default <see cref="TestPaymentMethods.Succeeds"/>.</summary>
    public const string Default = "cus_test_default";

    /// <summary>Owns only <see cref="TestPaymentMethods.OtherCustomers"/> (its default).</summary>
    public const string Other = "cus_test_other";

    /// <summary>Owns no payment method: an enveloped charge naming none is a 404 <c>payment_method_not_found</c>.</summary>
    public const string WithoutPaymentMethods = "cus_test_no_payment_methods";
}
