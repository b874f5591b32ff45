namespace Payments.Client.Webhooks.Tests;

/// <summary>The webhook side's span per delivery and its metrics, observed with listeners on a loopback Kestrel host.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly Recorder _recorder = new();
    private WebhookTestHost _host = null!;
    private TelemetryRecorder _telemetry = null!;

    public async Task InitializeAsync()
    {
        _host = await WebhookTestHost.StartAsync(_recorder.ReadmeApp(maxBodyBytes: 1024));
        _telemetry = new TelemetryRecorder(_host.Services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        _telemetry.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_handled_delivery_is_one_internal_span_inside_the_server_span()
    {
        ActivityTraceId trace = ActivityTraceId.CreateRandom();

        HttpResponseMessage response = await PostAsync(_host, Vectors.Body("charge-succeeded.json"), Vectors.Signature("charge-succeeded.json"), trace);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Activity span = await _telemetry.WebhookSpanAsync(trace);
        Assert.Equal(("Payments webhook", ActivityKind.Internal), (span.DisplayName, span.Kind));
        Assert.Equal("charge.succeeded", span.GetTagItem("payments.webhooks.event_type"));
        Assert.Equal("evt_9xK3mPq", span.GetTagItem("payments.webhooks.event_id"));
        Assert.Equal("handled", span.GetTagItem("payments.webhooks.outcome"));
        Assert.Equal(false, span.GetTagItem("payments.webhooks.duplicate"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);
        Activity? server = _telemetry.ServerSpan(trace);
        Assert.True(server is not null, "ASP.NET Core's server span was not recorded");
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal(server.SpanId, span.ParentSpanId);
    }

    [Fact]
    public async Task A_redelivery_is_a_span_marked_duplicate_and_counted()
    {
        await PostAsync(_host, Vectors.Body("charge-failed.json"), Vectors.Signature("charge-failed.json"), ActivityTraceId.CreateRandom());
        ActivityTraceId trace = ActivityTraceId.CreateRandom();

        HttpResponseMessage again = await PostAsync(_host, Vectors.Body("charge-failed.json"), Vectors.Signature("charge-failed.json"), trace);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Activity span = await _telemetry.WebhookSpanAsync(trace);
        Assert.Equal(true, span.GetTagItem("payments.webhooks.duplicate"));
        Assert.Equal("already_handled", span.GetTagItem("payments.webhooks.outcome"));
        TelemetryRecorder.Measurement duplicate = Assert.Single(_telemetry.Of("payments.webhooks.duplicates"));
        Assert.Equal("charge.failed", duplicate.Tags["payments.webhooks.event_type"]);
        Assert.Equal(2, _telemetry.Of("payments.webhooks.verified").Count());
        Assert.Single(_telemetry.Of("payments.webhooks.handler.duration"));
    }

    [Fact]
    public async Task A_rejected_delivery_is_an_error_span_with_its_reason()
    {
        ActivityTraceId trace = ActivityTraceId.CreateRandom();

        HttpResponseMessage response = await PostAsync(_host, Vectors.Body("charge-succeeded.json"), Vectors.Signature("charge-succeeded.json", Vectors.Previous), trace);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Activity span = await _telemetry.WebhookSpanAsync(trace);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("signature_mismatch", span.GetTagItem("payments.webhooks.reason"));
        Assert.Equal("rejected", span.GetTagItem("payments.webhooks.outcome"));
        Assert.Equal(401, span.GetTagItem("http.response.status_code"));
        Assert.Null(span.GetTagItem("payments.webhooks.event_id"));
    }

    [Fact]
    public async Task Every_delivery_is_received_and_each_rejection_counted_by_its_reason()
    {
        byte[] body = Vectors.Body("charge-succeeded.json");
        string signature = Vectors.Signature("charge-succeeded.json");
        byte[] notJson = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"");

        var answers = new List<HttpStatusCode>
        {
            (await _host.PostAsync(body, signature)).StatusCode,
            (await _host.PostAsync(body, signature: null)).StatusCode,
            (await _host.PostAsync(body, "sha256=nothex")).StatusCode,
            (await _host.PostAsync(body, Vectors.Signature("charge-succeeded.json", Vectors.Previous))).StatusCode,
            (await _host.PostAsync(notJson, ReceiverTests.Sign(notJson, Vectors.Current))).StatusCode,
            (await _host.PostAsync(body, signature, contentType: "text/plain")).StatusCode,
            (await _host.PostAsync(new byte[2048], signature)).StatusCode,
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge], answers);
        Assert.Equal(7, _telemetry.Of("payments.webhooks.received").Sum(m => m.Value));
        Assert.Equal("charge.succeeded", Assert.Single(_telemetry.Of("payments.webhooks.verified")).Tags["payments.webhooks.event_type"]);
        Assert.Equal(
            ["malformed_payload", "malformed_signature", "missing_signature", "signature_mismatch", "too_large", "unsupported_media_type"],
            _telemetry.Of("payments.webhooks.rejected").Select(m => (string)m.Tags["payments.webhooks.reason"]!).Order(StringComparer.Ordinal));
        Assert.Empty(_telemetry.Of("payments.webhooks.duplicates"));
    }

    [Fact]
    public async Task A_delivery_the_store_cannot_answer_is_counted_as_rejected_store_unavailable()
    {
        var recorder = new Recorder();
        WebhookTestHostOptions app = recorder.ReadmeApp();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(app with
        {
            Webhooks = webhooks =>
            {
                app.Webhooks!(webhooks);
                webhooks.Services.AddSingleton<IWebhookDeduplicationStore, UnavailableStore>();
            },
        });
        using var telemetry = new TelemetryRecorder(host.Services.GetRequiredService<IMeterFactory>());
        ActivityTraceId trace = ActivityTraceId.CreateRandom();

        HttpResponseMessage response = await PostAsync(host, Vectors.Body("charge-succeeded.json"), Vectors.Signature("charge-succeeded.json"), trace);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("deduplication_unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Activity span = await telemetry.WebhookSpanAsync(trace);
        Assert.Equal(("rejected", "store_unavailable", 503), (span.GetTagItem("payments.webhooks.outcome"), span.GetTagItem("payments.webhooks.reason"), span.GetTagItem("http.response.status_code")));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        TelemetryRecorder.Measurement rejected = Assert.Single(telemetry.Of("payments.webhooks.rejected"));
        Assert.Equal("store_unavailable", rejected.Tags["payments.webhooks.reason"]);
        Assert.Single(telemetry.Of("payments.webhooks.verified"));
        Assert.Empty(telemetry.Of("payments.webhooks.duplicates"));
        Assert.Empty(telemetry.Of("payments.webhooks.handler.duration"));
        Assert.Equal(0, recorder.Invocations);
    }

    [Fact]
    public async Task Handler_duration_is_recorded_by_event_type_and_outcome()
    {
        _recorder.FailuresLeft = 1;
        byte[] body = Vectors.Body("charge-succeeded.json");

        HttpResponseMessage failed = await _host.PostAsync(body, Vectors.Signature("charge-succeeded.json"));
        HttpResponseMessage handled = await _host.PostAsync(body, Vectors.Signature("charge-succeeded.json"));

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.OK), (failed.StatusCode, handled.StatusCode));
        TelemetryRecorder.Measurement[] durations = [.. _telemetry.Of("payments.webhooks.handler.duration")];
        Assert.Equal(["handler_failed", "handled"], durations.Select(m => (string)m.Tags["payments.webhooks.outcome"]!));
        Assert.All(durations, m => Assert.Equal("charge.succeeded", m.Tags["payments.webhooks.event_type"]));
        Assert.All(durations, m => Assert.InRange(m.Value, 0, 30));
    }

    private static Task<HttpResponseMessage> PostAsync(WebhookTestHost host, byte[] body, string signature, ActivityTraceId trace)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, signature);

        // The trace this request belongs to, so spans of other tests' requests are told apart.
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        return host.Http.SendAsync(request);
    }

    /// <summary>A store whose backend is down (Redis, SQL): every claim fails.</summary>
    private sealed class UnavailableStore : IWebhookDeduplicationStore
    {
        public ValueTask<DeduplicationClaim> TryClaimAsync(string eventId, CancellationToken cancellationToken) =>
            ValueTask.FromException<DeduplicationClaim>(new TimeoutException("the store did not answer"));

        public ValueTask CompleteAsync(DeduplicationClaim claim, TimeSpan window, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("nothing is ever claimed");

        public ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("nothing is ever claimed");
    }
}
