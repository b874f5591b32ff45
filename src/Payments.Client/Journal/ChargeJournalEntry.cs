namespace Payments.Client;

/// <summary>One journaled charge: the intent as committed before sending, and what is known of its outcome since.</summary>
public sealed record ChargeJournalEntry
{
    /// <summary>The idempotency key the charge is sent with (unique in the journal).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The merchant's reference: the <c>merchant_reference</c> metadata entry of the request, or the key when there is none.</summary>
    public required string MerchantReference { get; init; }

    /// <summary>The exact request body sent, and re-sent on recovery.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>A checksum over the key and the body, written with the intent; a row whose checksum does not match is never re-sent.</summary>
    public required string Checksum { get; init; }

    /// <summary>When the intent was committed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The state.</summary>
    public required ChargeJournalState State { get; init; }

    /// <summary>The charge's id, once an answer gave it.</summary>
    public string? ChargeId { get; init; }

    /// <summary>Why the charge failed or was rejected (the failure reason or error code), or why it is in doubt.</summary>
    public string? Reason { get; init; }

    /// <summary>What settled it: <c>answer</c>, <c>webhook</c>, <c>poll</c> or <c>recovery</c> (in doubt); null while unresolved.</summary>
    public string? SettledBy { get; init; }

    /// <summary>When it reached its final state.</summary>
    public DateTimeOffset? FinalAt { get; init; }

    /// <summary>Calls made with this intent (the first one and each re-send).</summary>
    public int Sends { get; init; }

    /// <summary><c>GET /payments/charges/{id}</c> calls made for it while pending.</summary>
    public int Polls { get; init; }

    /// <summary>When recovery looks at it next (an unresolved entry), or when the current holder's lease ends.</summary>
    public DateTimeOffset? NextCheckAt { get; init; }

    /// <summary>Whether the outcome handler completed for the final state.</summary>
    public bool OutcomeHandled { get; init; }

    /// <summary>How many times the outcome handler was started for it.</summary>
    public int OutcomeRuns { get; init; }

    /// <summary>True for <see cref="ChargeJournalState.Intent"/> and <see cref="ChargeJournalState.Pending"/>.</summary>
    public bool IsUnresolved => State is ChargeJournalState.Intent or ChargeJournalState.Pending;

    /// <summary>The key and the reference; never the body.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{IdempotencyKey} ({MerchantReference}): {State}";
}
