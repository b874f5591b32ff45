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

    public PaymentsTelemetry(IMeterFactory? meterFactory)
    {
        Meter meter = meterFactory?.Create(Name, Version) ?? FallbackMeter.Value;
        Calls = meter.CreateCounter<long>("payments.client.calls", "{call}", "Calls to the Payments API, by operation and outcome.");
        Attempts = meter.CreateCounter<long>("payments.client.attempts", "{attempt}", "HTTP attempts, by operation and status code.");
        Retries = meter.CreateCounter<long>("payments.client.retries", "{retry}", "Attempts that were retried, by operation and reason.");
        RateLimitWaits = meter.CreateCounter<long>("payments.client.rate_limit.waits", "{wait}", "Attempts that waited for the client's own rate limit.");
        CallDuration = meter.CreateHistogram<double>("payments.client.call.duration", "s", "Duration of calls, every attempt and wait included.");
    }

    public Counter<long> Calls { get; }

    public Counter<long> Attempts { get; }

    public Counter<long> Retries { get; }

    public Counter<long> RateLimitWaits { get; }

    public Histogram<double> CallDuration { get; }
}
