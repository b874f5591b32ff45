namespace Payments.Client;

/// <summary>How a <see cref="ChargeJournal"/> recovers and settles charges. The defaults settle a pending charge within a minute of its settling at the API.</summary>
public sealed class ChargeJournalOptions
{
    /// <summary>
    /// How long after its intent an unanswered charge may still be re-sent. Default 23 hours: the API keeps a key 24 hours,
    /// and the hour left covers clock skew and the re-send itself. Past it the charge is reported in doubt, never re-sent.
    /// </summary>
    public TimeSpan ResendWindow { get; set; } = TimeSpan.FromHours(23);

    /// <summary>How often the hosted service runs a recovery pass. Default 5 seconds.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a charge in flight (or an entry a recovery pass is working on) is left alone by other passes before
    /// they may take it over. Default 3 minutes: longer than the client's overall timeout (90 seconds by default).
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The first poll of a pending charge, after its answer; each later one waits twice as long, up to <see cref="MaxPollDelay"/>. Default 5 seconds.</summary>
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two polls of a pending charge. Default 1 minute.</summary>
    public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The first re-send after a call ended without an answer about the charge; each later one waits twice as long, up to <see cref="MaxResendDelay"/>. Default 10 seconds.</summary>
    public TimeSpan FirstResendDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two re-sends. Default 5 minutes.</summary>
    public TimeSpan MaxResendDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before an outcome handler that threw runs again; it doubles with each run, up to 10 minutes. Default 5 seconds.</summary>
    public TimeSpan OutcomeRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many entries one pass claims at a time. Default 50. Polls and re-sends go through the client, so its rate limit paces them.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Whether the journal creates its tables on first use. Default true; turn off where a migration tool owns the schema.</summary>
    public bool CreateSchema { get; set; } = true;

    internal void ThrowIfInvalid()
    {
        if (ResendWindow <= TimeSpan.Zero || RecoveryInterval <= TimeSpan.Zero || Lease <= TimeSpan.Zero || FirstPollDelay <= TimeSpan.Zero
            || MaxPollDelay < FirstPollDelay || FirstResendDelay <= TimeSpan.Zero || MaxResendDelay < FirstResendDelay || OutcomeRetryDelay <= TimeSpan.Zero)
        {
            throw new ArgumentException("ChargeJournalOptions: every delay, window and lease must be positive, and each maximum at least its first delay.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException("ChargeJournalOptions.BatchSize must be at least 1.");
        }
    }
}
