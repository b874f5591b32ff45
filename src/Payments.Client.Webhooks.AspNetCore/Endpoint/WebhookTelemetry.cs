using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// The webhook endpoint's traces and metrics, named <c>Payments.Client.Webhooks</c> so OpenTelemetry picks them
/// up with <c>AddSource</c> / <c>AddMeter</c>; no OpenTelemetry dependency. One per service provider: the
/// <see cref="Meter"/> comes from the host's <see cref="IMeterFactory"/>, which owns and disposes it.
/// </summary>
internal sealed class WebhookTelemetry
{
    public const string Name = "Payments.Client.Webhooks";

    public const string ReasonTag = "payments.webhooks.reason";

    public const string EventTypeTag = "payments.webhooks.event_type";

    public const string OutcomeTag = "payments.webhooks.outcome";

    public static readonly string Version = typeof(WebhookTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    // ActivitySource is the one process-wide handle by design (listeners subscribe by name); it holds no request state.
    public static readonly ActivitySource ActivitySource = new(Name, Version);

    // A provider built without AddMetrics has no IMeterFactory; one shared Meter then, not one leaked per provider.
    private static readonly Lazy<Meter> FallbackMeter = new(() => new Meter(Name, Version));

#if NET9_0_OR_GREATER
    // Handlers are expected to take milliseconds to a few seconds; senders time out around 10-30 s.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30];
#endif

    public WebhookTelemetry(IMeterFactory? meterFactory, TimeProvider time)
    {
        Time = time;
        Meter meter = meterFactory?.Create(Name, Version) ?? FallbackMeter.Value;
        Received = meter.CreateCounter<long>("payments.webhooks.received", "{delivery}", "Webhook deliveries that reached the endpoint, before any check.");
        Verified = meter.CreateCounter<long>("payments.webhooks.verified", "{delivery}", "Deliveries whose signature verified and whose payload parsed, by event type.");
        Rejected = meter.CreateCounter<long>("payments.webhooks.rejected", "{delivery}", "Deliveries refused before handlers ran, by reason.");
        Duplicates = meter.CreateCounter<long>("payments.webhooks.duplicates", "{delivery}", "Verified deliveries of an event already handled or being handled, by event type and outcome.");
        TooOld = meter.CreateCounter<long>("payments.webhooks.too_old", "{delivery}", "Verified deliveries of events older than the deduplication window, answered 200 without running handlers, by event type.");
#if NET9_0_OR_GREATER
        HandlerDuration = meter.CreateHistogram<double>(
            "payments.webhooks.handler.duration",
            "s",
            "Time the handlers of one delivery took, by event type and outcome.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
#else
        HandlerDuration = meter.CreateHistogram<double>("payments.webhooks.handler.duration", "s", "Time the handlers of one delivery took, by event type and outcome.");
#endif
    }

    public TimeProvider Time { get; }

    public Counter<long> Received { get; }

    public Counter<long> Verified { get; }

    public Counter<long> Rejected { get; }

    public Counter<long> Duplicates { get; }

    public Counter<long> TooOld { get; }

    public Histogram<double> HandlerDuration { get; }

    /// <summary>Starts the span and counts the delivery. Internal, not Server: ASP.NET Core's request span is the server span and this one nests in it.</summary>
    public DeliveryTelemetry StartDelivery()
    {
        Received.Add(1);
        return new DeliveryTelemetry(this, ActivitySource.StartActivity("Payments webhook", ActivityKind.Internal));
    }
}
