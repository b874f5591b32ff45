namespace Payments.Client.Testing;

/// <summary>The charge statuses of the contract, as they appear on the wire.</summary>
public static class ChargeStatuses
{
    /// <summary>Accepted, not completed: settles later (see <see cref="FakePaymentsApiOptions.PendingDelay"/>).</summary>
    public const string Pending = "pending";

    /// <summary>The customer was charged.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The charge failed; <see cref="FakeCharge.FailureReason"/> says why.</summary>
    public const string Failed = "failed";
}
