using System.Diagnostics.Metrics;

namespace Payments.Client.Tests;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>Traces and metrics are process-wide; this class runs alone so other tests' calls do not mix in.</summary>
[Collection(nameof(TelemetryTests))]
public class TelemetryTests
{
    [Fact]
    public async Task A_call_and_each_attempt_are_internal_spans_with_the_standard_http_attributes()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Payments.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(503, "processing_error"), TestClient.Ok("ch_t"));

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request("k-trace")));

        Activity call = Assert.Single(activities, a => a.OperationName == "Payments charge" && (string?)a.GetTagItem("payments.idempotency_key") == "k-trace");
        Assert.Equal("ch_t", call.GetTagItem("payments.charge_id"));
        Assert.Equal(2, call.GetTagItem("payments.attempts"));
        Activity[] attempts = activities.Where(a => a.ParentSpanId == call.SpanId).OrderBy(a => a.StartTimeUtc).ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, a => Assert.Equal(ActivityKind.Internal, a.Kind)); // HttpClient's own span is the one CLIENT span per request
        Assert.All(attempts, a => Assert.Equal("POST", a.GetTagItem("http.request.method")));
        Assert.All(attempts, a => Assert.Equal("api.example.com", a.GetTagItem("server.address")));
        Assert.Equal(503, attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal("503", attempts[0].GetTagItem("error.type"));
        Assert.Equal(200, attempts[1].GetTagItem("http.response.status_code"));
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
    }

    [Fact]
    public async Task An_attempt_without_a_response_has_no_status_code_tag()
    {
        var measurements = new List<Measurement>();
        using MeterListener listener = Listen(measurements);
        var api = new TestClient(o => o.Retry.MaxAttempts = 1);
        api.Script(TestClient.ChargeUrl, TestClient.Throw(new HttpRequestException("Connection refused")));

        await Assert.ThrowsAsync<ConnectionFailedException>(() => api.Client.ChargeAsync(TestClient.Request("k-no-status")));

        Measurement attempt = Assert.Single(measurements, m => m.Name == "payments.client.attempts" && (string?)m.Tags["payments.operation"] == "charge");
        Assert.False(attempt.Tags.ContainsKey("http.response.status_code"));
    }

    [Fact]
    public async Task Calls_attempts_retries_rate_limit_waits_and_duration_are_measured()
    {
        var measurements = new List<Measurement>();
        using MeterListener listener = Listen(measurements);
        var api = new TestClient(o =>
        {
            o.RateLimit.RequestsPerSecond = 1;
            o.RateLimit.Burst = 1;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Error(502, "processing_error"), TestClient.Ok(), TestClient.Error(402, "card_declined"));

        await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));
        await api.Run(() => Assert.ThrowsAsync<CardDeclinedException>(() => api.Client.ChargeAsync(TestClient.Request())));

        Assert.Equal(3, Sum("payments.client.attempts"));
        Assert.Equal(1, Sum("payments.client.retries"));
        Assert.True(Sum("payments.client.rate_limit.waits") >= 2);
        Assert.Equal(1, Sum("payments.client.calls", ("payments.outcome", "success")));
        Assert.Equal(1, Sum("payments.client.calls", ("payments.outcome", "CardDeclinedException")));
        Assert.Equal(2, measurements.Count(m => m.Name == "payments.client.call.duration"));
        Assert.Contains(measurements, m => m.Name == "payments.client.attempts" && m.Tags["http.response.status_code"] is 502);

        double Sum(string name, (string Key, string Value)? tag = null) => measurements
            .Where(m => m.Name == name && (tag is null || Equals(m.Tags.GetValueOrDefault(tag.Value.Key), tag.Value.Value)))
            .Sum(m => m.Value);
    }

    /// <summary>Records every measurement of the client's meter, with a copy of its tags.</summary>
    private static MeterListener Listen(List<Measurement> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Payments.Client")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i.Name, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i.Name, v, tags));
        listener.Start();
        return listener;

        void Record(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add(new Measurement(name, value, copy));
            }
        }
    }

    private sealed record Measurement(string Name, double Value, Dictionary<string, object?> Tags);
}
