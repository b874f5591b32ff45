namespace Payments.Client.Webhooks;

/// <summary>How the inbox processes stored events: retries, limits, leases, retention. Every default is for production.</summary>
public sealed class WebhookInboxOptions
{
    /// <summary>
    /// The wait after each failed attempt: the first entry after the first failure, and so on; the last entry repeats.
    /// Default 5 s, 30 s, 2 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 12 h: an hour-long outage is over by the 8th
    /// attempt, and the schedule ends about 27 hours after the first failure.
    /// </summary>
    public IList<TimeSpan> RetrySchedule { get; set; } =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(12),
    ];

    /// <summary>Attempts before an event becomes a dead letter. Default 12 (the first and one per <see cref="RetrySchedule"/> entry).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>An event that fails when older than this (since it was received) becomes a dead letter. Default 3 days.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long a claim holds. It is renewed every third of this while the handlers run, so it matters only when an
    /// instance dies: another instance takes the event over this long after the last renewal. Default 1 minute.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Events run at once by one instance. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// How often an idle instance looks for due events (new events stored by this instance wake it at once; another
    /// instance's, and retries, are found by this poll). Default 1 second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long processed events are kept, so a redelivery inside the window is answered 200 without running the
    /// handlers again. Default 24 hours (the contract's deduplication window). Dead letters are kept until replayed or purged.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Creates the inbox's tables when missing at start-up. Default true; switch off where a DBA runs the schema (<c>payments inbox schema</c>).</summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    internal TimeSpan DelayAfter(int attempt) =>
        RetrySchedule.Count == 0 ? TimeSpan.Zero : RetrySchedule[Math.Clamp(attempt - 1, 0, RetrySchedule.Count - 1)];

    /// <summary>Throws naming the first setting that cannot work.</summary>
    internal void Validate()
    {
        static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentException($"WebhookInboxOptions.{name} must be positive; it is {value}.", name);
            }
        }

        Positive(Lease, nameof(Lease));
        Positive(PollInterval, nameof(PollInterval));
        Positive(Retention, nameof(Retention));
        Positive(MaxAge, nameof(MaxAge));
        if (MaxAttempts < 1)
        {
            throw new ArgumentException($"WebhookInboxOptions.MaxAttempts must be at least 1; it is {MaxAttempts}.", nameof(MaxAttempts));
        }

        if (MaxConcurrency < 1)
        {
            throw new ArgumentException($"WebhookInboxOptions.MaxConcurrency must be at least 1; it is {MaxConcurrency}.", nameof(MaxConcurrency));
        }

        if (RetrySchedule.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("WebhookInboxOptions.RetrySchedule holds a negative delay.", nameof(RetrySchedule));
        }
    }
}
