using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Payments.Client.Diagnostics;

/// <summary>
/// The client's traces and metrics, named after the package so OpenTelemetry picks them up with
/// <c>AddSource("Payments.Client")</c> and <c>AddMeter("Payments.Client")</c>; no OpenTelemetry dependency.
/// </summary>
internal sealed class PaymentsTelemetry
{
    public const string Name = "Payments.Client";

    public static readonly string Version = typeof(PaymentsTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    // ActivitySource is the one process-wide handle by design (listeners subscribe by name); it holds no call state.
    public static readonly ActivitySource ActivitySource = new(Name, Version);

    // Without DI there is no IMeterFactory; one shared Meter then, rather than one leaked per hand-made client.
    private static readonly Lazy<Meter> FallbackMeter = new(() => new Meter(Name, Version));

#if NET9_0_OR_GREATER
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 120];
#endif

    public PaymentsTelemetry(IMeterFactory? meterFactory)
    {
        Meter meter = meterFactory?.Create(Name, Version) ?? FallbackMeter.Value;
        Calls = meter.CreateCounter<long>("payments.client.calls", "{call}", "Calls to the Payments API, by operation and outcome.");
        Attempts = meter.CreateCounter<long>("payments.client.attempts", "{attempt}", "HTTP attempts handed to the transport, by operation and status code (absent when no response arrived).");
        Retries = meter.CreateCounter<long>("payments.client.retries", "{retry}", "Attempts that were retried, by operation and reason.");
        RateLimitWaits = meter.CreateCounter<long>("payments.client.rate_limit.waits", "{wait}", "Attempts that waited for the client's own rate limit.");
#if NET9_0_OR_GREATER
        // Calls span milliseconds to the 90 s overall timeout; the default buckets (0 to 10 000) fit milliseconds.
        CallDuration = meter.CreateHistogram<double>(
            "payments.client.call.duration",
            "s",
            "Duration of calls, every attempt and wait included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
#else
        CallDuration = meter.CreateHistogram<double>("payments.client.call.duration", "s", "Duration of calls, every attempt and wait included.");
#endif
    }

    public Counter<long> Calls { get; }

    public Counter<long> Attempts { get; }

    public Counter<long> Retries { get; }

    public Counter<long> RateLimitWaits { get; }

    public Histogram<double> CallDuration { get; }
}
