using System.Collections.Frozen;

namespace Payments.Client.Testing;

/// <summary>
/// The well-known test payment methods every fake starts with, all owned by
/// <see cref="TestCustomers.Default"/> except <see cref="OtherCustomers"/>. Charge one to get its outcome.
/// </summary>
public static class TestPaymentMethods
{
    /// <summary>Succeeds at once. The default payment method of <see cref="TestCustomers.Default"/>.</summary>
    public const string Succeeds = "pm_test_succeeds";

    /// <summary>Declined at once: 402 <c>card_declined</c>, <c>generic_decline</c>.</summary>
    public const string Declined = "pm_test_declined";

    /// <summary>Declined at once: 402 <c>card_declined</c>, <c>insufficient_funds</c>.</summary>
    public const string InsufficientFunds = "pm_test_insufficient_funds";

    /// <summary>Declined at once: 402 <c>card_declined</c>, <c>lost_card</c>.</summary>
    public const string LostCard = "pm_test_lost_card";

    /// <summary>Declined at once: 402 <c>card_declined</c>, <c>stolen_card</c>.</summary>
    public const string StolenCard = "pm_test_stolen_card";

    /// <summary>Declined at once: 402 <c>card_declined</c>, <c>expired_card</c>.</summary>
    public const string ExpiredCard = "pm_test_expired_card";

    /// <summary>Goes <c>pending</c>, then <c>succeeded</c>.</summary>
    public const string PendingThenSucceeds = "pm_test_pending_succeeds";

    /// <summary>Goes <c>pending</c>, then <c>failed</c> with <c>insufficient_funds</c>.</summary>
    public const string PendingThenFails = "pm_test_pending_fails";

    /// <summary>Succeeds, but belongs to <see cref="TestCustomers.Other"/>: charging it for another customer is a 400 <c>payment_method_mismatch</c>.</summary>
    public const string OtherCustomers = "pm_test_other_customer";

    /// <summary>Every well-known test payment method and its behaviour.</summary>
    public static IReadOnlyDictionary<string, PaymentMethodBehavior> All { get; } = new Dictionary<string, PaymentMethodBehavior>(StringComparer.Ordinal)
    {
        [Succeeds] = PaymentMethodBehavior.Succeeds,
        [Declined] = PaymentMethodBehavior.Declines("generic_decline"),
        [InsufficientFunds] = PaymentMethodBehavior.Declines("insufficient_funds"),
        [LostCard] = PaymentMethodBehavior.Declines("lost_card"),
        [StolenCard] = PaymentMethodBehavior.Declines("stolen_card"),
        [ExpiredCard] = PaymentMethodBehavior.Declines("expired_card"),
        [PendingThenSucceeds] = PaymentMethodBehavior.PendingThenSucceeds,
        [PendingThenFails] = PaymentMethodBehavior.PendingThenFails("insufficient_funds"),
        [OtherCustomers] = PaymentMethodBehavior.Succeeds,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
