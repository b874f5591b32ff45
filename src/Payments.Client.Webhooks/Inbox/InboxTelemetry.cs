using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Payments.Client.Webhooks.Inbox;

/// <summary>
/// The inbox processor's traces and metrics, under the endpoint's names (<c>Payments.Client.Webhooks</c>, so one
/// <c>AddSource</c>/<c>AddMeter</c> covers both): a span per processing attempt linked to the delivery's span, attempts
/// and dead letters counted, processing time, and the depth by state and age of the oldest unprocessed event as gauges.
/// </summary>
internal sealed class InboxTelemetry
{
    public const string Name = "Payments.Client.Webhooks";

    public const string EventTypeTag = "payments.webhooks.event_type";

    public const string OutcomeTag = "payments.webhooks.outcome";

    public static readonly string Version = typeof(InboxTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    // ActivitySource is the one process-wide handle by design (listeners subscribe by name); it holds no state.
    public static readonly ActivitySource ActivitySource = new(Name, Version);

    // A processor built without a meter factory: one shared Meter, not one leaked per processor.
    private static readonly Lazy<Meter> FallbackMeter = new(() => new Meter(Name, Version));

    private Snapshot? _snapshot;

    public InboxTelemetry(IMeterFactory? meterFactory, TimeProvider time)
    {
        Time = time;
        Meter meter = meterFactory?.Create(Name, Version) ?? FallbackMeter.Value;
        Attempts = meter.CreateCounter<long>("payments.webhooks.inbox.attempts", "{attempt}", "Processing attempts of stored events, by event type and outcome (processed, failed, dead_lettered, released).");
        DeadLettered = meter.CreateCounter<long>("payments.webhooks.inbox.dead_lettered", "{event}", "Stored events that became dead letters, by event type.");
        Duration = meter.CreateHistogram<double>("payments.webhooks.inbox.processing.duration", "s", "Time the handlers took on one attempt, by event type and outcome.");
        meter.CreateObservableGauge("payments.webhooks.inbox.depth", ObserveDepth, "{event}", "Stored events by state (pending, processing, processed, dead_letter), as of the processor's last look.");
        meter.CreateObservableGauge("payments.webhooks.inbox.oldest_unprocessed.age", ObserveOldestAge, "s", "Age of the oldest pending or processing event, as of the processor's last look; absent when there is none.");
    }

    public TimeProvider Time { get; }

    public Counter<long> Attempts { get; }

    public Counter<long> DeadLettered { get; }

    public Histogram<double> Duration { get; }

    public void Observe(WebhookInboxStats stats, DateTimeOffset at) => Volatile.Write(ref _snapshot, new Snapshot(stats, at));

    /// <summary>A span for one attempt, linked to the delivery's span (not its child: the delivery ended long ago).</summary>
    public static Activity? StartAttempt(WebhookInboxEntry entry)
    {
        ActivityLink[]? links = entry.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out ActivityContext delivery)
            ? [new ActivityLink(delivery)]
            : null;
        Activity? activity = ActivitySource.StartActivity(ActivityKind.Consumer, parentContext: default, links: links, name: "Payments webhook inbox attempt");
        activity?.SetTag(EventTypeTag, entry.EventType);
        activity?.SetTag("payments.webhooks.event_id", entry.EventId);
        activity?.SetTag("payments.webhooks.inbox.attempt", entry.Attempts);
        return activity;
    }

    public void Record(WebhookInboxEntry entry, string outcome, TimeSpan? duration)
    {
        var type = new KeyValuePair<string, object?>(EventTypeTag, entry.EventType);
        var result = new KeyValuePair<string, object?>(OutcomeTag, outcome);
        Attempts.Add(1, type, result);
        if (duration is { } elapsed)
        {
            Duration.Record(elapsed.TotalSeconds, type, result);
        }

        if (outcome == "dead_lettered")
        {
            DeadLettered.Add(1, type);
        }
    }

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        if (Volatile.Read(ref _snapshot) is not { Stats: var stats })
        {
            return [];
        }

        return
        [
            new Measurement<long>(stats.Pending, new KeyValuePair<string, object?>("payments.webhooks.inbox.state", "pending")),
            new Measurement<long>(stats.Processing, new KeyValuePair<string, object?>("payments.webhooks.inbox.state", "processing")),
            new Measurement<long>(stats.Processed, new KeyValuePair<string, object?>("payments.webhooks.inbox.state", "processed")),
            new Measurement<long>(stats.DeadLetters, new KeyValuePair<string, object?>("payments.webhooks.inbox.state", "dead_letter")),
        ];
    }

    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        if (Volatile.Read(ref _snapshot) is not { Stats.OldestUnprocessedReceivedAt: { } oldest, At: var at })
        {
            return [];
        }

        return [new Measurement<double>(Math.Max(0, (at - oldest).TotalSeconds))];
    }

    private sealed record Snapshot(WebhookInboxStats Stats, DateTimeOffset At);
}
