namespace Payments.Client.Testing;

/// <summary>What charging a payment method does.</summary>
public enum ChargeOutcome
{
    /// <summary>200 with status <c>succeeded</c>.</summary>
    Succeeds = 0,

    /// <summary>402 <c>card_declined</c> at once, with the behaviour's failure reason; a <c>failed</c> charge is recorded.</summary>
    Declines = 1,

    /// <summary>200 with status <c>pending</c>; settles as <c>succeeded</c>.</summary>
    PendingThenSucceeds = 2,

    /// <summary>200 with status <c>pending</c>; settles as <c>failed</c> with the behaviour's failure reason.</summary>
    PendingThenFails = 3,
}
