namespace Payments.Client;

/// <summary>What one recovery pass did (<see cref="ChargeJournal.RunOnceAsync"/>).</summary>
public sealed record ChargeJournalPass
{
    /// <summary>Intents re-sent with their key and body.</summary>
    public int Resent { get; init; }

    /// <summary>Re-sends the API answered with its stored first answer (the charge existed already).</summary>
    public int Replayed { get; init; }

    /// <summary>Polls of pending charges.</summary>
    public int Polled { get; init; }

    /// <summary>Entries that reached a final state in this pass.</summary>
    public int Settled { get; init; }

    /// <summary>Entries reported in doubt in this pass.</summary>
    public int InDoubt { get; init; }

    /// <summary>Outcome handler runs that completed.</summary>
    public int OutcomesHandled { get; init; }

    /// <summary>Outcome handler runs that threw (each runs again later).</summary>
    public int OutcomesFailed { get; init; }
}
