namespace Payments.Client;

/// <summary>
/// What an answer, a webhook or a poll says about a journaled charge, as handed to <see cref="IChargeJournalStore.RecordAsync"/>.
/// A store applies it only while the entry is unresolved, and never moves a <see cref="ChargeJournalState.Pending"/>
/// entry back to <see cref="ChargeJournalState.Intent"/>: a final state is never changed.
/// </summary>
public sealed record ChargeJournalRecord
{
    /// <summary>The entry's key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The new state.</summary>
    public required ChargeJournalState State { get; init; }

    /// <summary>When this was learned.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The charge id, when the answer gave one (kept when null).</summary>
    public string? ChargeId { get; init; }

    /// <summary>The failure reason or error code (kept when null).</summary>
    public string? Reason { get; init; }

    /// <summary>What settled it, for a final state.</summary>
    public string? SettledBy { get; init; }

    /// <summary>For an unresolved state: when recovery looks at it next (this also ends any lease on it).</summary>
    public DateTimeOffset? NextCheckAt { get; init; }

    /// <summary>Counts one more call with the intent.</summary>
    public bool CountsSend { get; init; }

    /// <summary>Counts one more poll.</summary>
    public bool CountsPoll { get; init; }
}
