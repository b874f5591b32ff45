namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// Listens to one host's webhook telemetry: metrics from that host's <see cref="IMeterFactory"/> only (the
/// meter's scope), spans of one trace only, so hosts of tests running in parallel never mix in.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;
    private readonly List<Activity> _stopped = [];
    private readonly List<(ActivityTraceId Trace, TaskCompletionSource<Activity> Seen)> _waiters = [];

    public TelemetryRecorder(IMeterFactory hostMeters)
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Payments.Client.Webhooks" && ReferenceEquals(instrument.Meter.Scope, hostMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measurements.Enqueue(new(instrument.Name, value, new Dictionary<string, object?>(tags.ToArray()))));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measurements.Enqueue(new(instrument.Name, value, new Dictionary<string, object?>(tags.ToArray()))));
        _meters.Start();

        // ASP.NET Core's own source too: with a listener it creates the server span, which the webhook span must nest in.
        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Payments.Client.Webhooks" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_spans);
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    /// <summary>The webhook span of the request sent with <paramref name="trace"/>; it stops after the response is written.</summary>
    public async Task<Activity> WebhookSpanAsync(ActivityTraceId trace)
    {
        var seen = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_stopped)
        {
            if (_stopped.FirstOrDefault(a => a.TraceId == trace && a.Source.Name == "Payments.Client.Webhooks") is { } done)
            {
                return done;
            }

            _waiters.Add((trace, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No webhook span for trace {trace} within 30 s.");
        }
    }

    public Activity? ServerSpan(ActivityTraceId trace)
    {
        lock (_stopped)
        {
            return _stopped.FirstOrDefault(a => a.TraceId == trace && a.Source.Name == "Microsoft.AspNetCore");
        }
    }

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }

    private void Stopped(Activity activity)
    {
        lock (_stopped)
        {
            _stopped.Add(activity);
            if (activity.Source.Name != "Payments.Client.Webhooks")
            {
                return;
            }

            foreach ((ActivityTraceId trace, TaskCompletionSource<Activity> seen) in _waiters.Where(w => w.Trace == activity.TraceId).ToArray())
            {
                seen.TrySetResult(activity);
            }
        }
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
