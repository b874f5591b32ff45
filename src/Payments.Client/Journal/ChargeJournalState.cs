namespace Payments.Client;

/// <summary>Where a journaled charge stands. <see cref="Intent"/> and <see cref="Pending"/> are unresolved; the rest are final.</summary>
public enum ChargeJournalState
{
    /// <summary>Committed before sending; no answer about the charge yet (never sent, lost in a crash, or the call ended in doubt). Recovery re-sends it with the same key and body.</summary>
    Intent = 0,

    /// <summary>The API accepted the charge as <c>pending</c>; a webhook or a poll settles it.</summary>
    Pending = 1,

    /// <summary>The charge succeeded.</summary>
    Succeeded = 2,

    /// <summary>The charge failed (a decline, or a pending charge that failed); <see cref="ChargeJournalEntry.Reason"/> says why.</summary>
    Failed = 3,

    /// <summary>The API refused the request before charging (400, 404, 409, 422): nothing was charged.</summary>
    Rejected = 4,

    /// <summary>No answer inside the API's key window, or the row could not be trusted: never re-sent, because a re-send could charge twice. Reconcile by hand.</summary>
    InDoubt = 5,
}
