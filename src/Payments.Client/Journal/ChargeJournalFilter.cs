namespace Payments.Client;

/// <summary>Which journaled charges <see cref="IChargeJournalStore.ListAsync"/> returns.</summary>
public enum ChargeJournalFilter
{
    /// <summary>Every entry, newest first.</summary>
    All = 0,

    /// <summary><see cref="ChargeJournalState.Intent"/> or <see cref="ChargeJournalState.Pending"/>.</summary>
    Unresolved = 1,

    /// <summary><see cref="ChargeJournalState.Pending"/> only.</summary>
    Pending = 2,

    /// <summary><see cref="ChargeJournalState.InDoubt"/> only.</summary>
    InDoubt = 3,

    /// <summary>Final entries whose outcome handler has not completed.</summary>
    OutcomeDue = 4,
}
