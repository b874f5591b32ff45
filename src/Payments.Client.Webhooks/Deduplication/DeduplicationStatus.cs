namespace Payments.Client.Webhooks;

/// <summary>What a deduplication store answered when asked to claim an event id.</summary>
public enum DeduplicationStatus
{
    /// <summary>Not seen (or its record expired): the caller now holds the claim and must complete or abandon it.</summary>
    Claimed = 0,

    /// <summary>Another delivery of the same event holds the claim right now.</summary>
    InProgress = 1,

    /// <summary>Already handled within the deduplication window.</summary>
    AlreadyHandled = 2,
}
