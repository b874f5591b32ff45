namespace Payments.Client.Testing;

/// <summary>How a payment method responds to a charge, like the test cards merchants know.</summary>
public sealed record PaymentMethodBehavior
{
    private PaymentMethodBehavior(ChargeOutcome outcome, string? failureReason)
    {
        Outcome = outcome;
        FailureReason = failureReason;
    }

    /// <summary>What a charge does.</summary>
    public ChargeOutcome Outcome { get; }

    /// <summary>The <c>failure_reason</c> of a decline or a failed settlement; null for the successful outcomes.</summary>
    public string? FailureReason { get; }

    /// <summary>Charges succeed at once.</summary>
    public static PaymentMethodBehavior Succeeds { get; } = new(ChargeOutcome.Succeeds, null);

    /// <summary>Charges go <c>pending</c>, then succeed.</summary>
    public static PaymentMethodBehavior PendingThenSucceeds { get; } = new(ChargeOutcome.PendingThenSucceeds, null);

    /// <summary>Charges are declined at once: 402 <c>card_declined</c> with <paramref name="failureReason"/>.</summary>
    /// <param name="failureReason">For example <c>insufficient_funds</c>, <c>lost_card</c>, <c>expired_card</c>.</param>
    /// <returns>The behaviour.</returns>
    public static PaymentMethodBehavior Declines(string failureReason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failureReason);
        return new(ChargeOutcome.Declines, failureReason);
    }

    /// <summary>Charges go <c>pending</c>, then fail with <paramref name="failureReason"/>.</summary>
    /// <param name="failureReason">For example <c>insufficient_funds</c>.</param>
    /// <returns>The behaviour.</returns>
    public static PaymentMethodBehavior PendingThenFails(string failureReason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failureReason);
        return new(ChargeOutcome.PendingThenFails, failureReason);
    }
}
