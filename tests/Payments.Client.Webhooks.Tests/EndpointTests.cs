namespace Payments.Client.Webhooks.Tests;

/// <summary>The endpoint over real HTTP on a loopback Kestrel port: each status code, duplicates, failures.</summary>
public class EndpointTests
{
    [Fact]
    public async Task A_signed_event_is_handled_once_by_its_typed_handler_and_the_catch_all()
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp());

        HttpResponseMessage response = await host.PostAsync(Vectors.Body("charge-succeeded.json"), Vectors.Signature("charge-succeeded.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ChargeSucceededEvent handled = Assert.IsType<ChargeSucceededEvent>(Assert.Single(recorder.Typed));
        Assert.Equal("ch_2kF8xLmN4qRs", handled.Charge.Id);
        Assert.Equal("evt_9xK3mPq", Assert.Single(recorder.CatchAll).Id);
    }

    [Fact]
    public async Task A_second_delivery_of_a_handled_event_is_answered_200_without_running_handlers()
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp());
        byte[] body = Vectors.Body("charge-failed.json");

        HttpResponseMessage first = await host.PostAsync(body, Vectors.Signature("charge-failed.json"));
        HttpResponseMessage second = await host.PostAsync(body, Vectors.Signature("charge-failed.json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("duplicate", await second.Content.ReadAsStringAsync());
        Assert.Single(recorder.Typed);
        Assert.Equal(1, recorder.Invocations);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_run_its_handler_once()
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp());
        recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        byte[] body = Vectors.Body("charge-succeeded.json");
        string signature = Vectors.Signature("charge-succeeded.json");

        Task<HttpResponseMessage>[] deliveries = Enumerable.Range(0, 8).Select(_ => host.PostAsync(body, signature)).ToArray();
        HttpResponseMessage[] early = await Task.WhenAll(deliveries.Where(d => d.Wait(TimeSpan.FromSeconds(2))).ToArray());
        recorder.Gate.SetResult();
        HttpResponseMessage[] all = await Task.WhenAll(deliveries);

        Assert.Equal(1, recorder.Invocations);
        Assert.Single(recorder.Typed);
        Assert.Equal(7, early.Length);
        Assert.All(early, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(early, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Single(all, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_handler_that_throws_gets_500_and_the_redelivery_runs_it_again()
    {
        var recorder = new Recorder();
        var logs = new LogCapture();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp(logs: logs));
        recorder.FailuresLeft = 1;
        byte[] body = Vectors.Body("charge-succeeded.json");

        HttpResponseMessage failed = await host.PostAsync(body, Vectors.Signature("charge-succeeded.json"));
        HttpResponseMessage retried = await host.PostAsync(body, Vectors.Signature("charge-succeeded.json"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, recorder.Invocations);
        Assert.Single(recorder.Typed);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("evt_9xK3mPq", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_event_type_is_answered_200_and_reaches_the_catch_all()
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp());

        HttpResponseMessage response = await host.PostAsync(Vectors.Body("unknown-type.json"), Vectors.Signature("unknown-type.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<UnknownPaymentsEvent>(Assert.Single(recorder.CatchAll));
        Assert.Empty(recorder.Typed);
    }

    public static TheoryData<string, HttpStatusCode> Rejections => new()
    {
        { "missing-signature", HttpStatusCode.Unauthorized },
        { "wrong-secret", HttpStatusCode.Unauthorized },
        { "tampered-body", HttpStatusCode.Unauthorized },
        { "malformed-signature", HttpStatusCode.BadRequest },
        { "malformed-json", HttpStatusCode.BadRequest },
        { "text-content-type", HttpStatusCode.UnsupportedMediaType },
        { "no-content-type", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_rejected_request_gets_its_4xx_and_runs_no_handler(string kind, HttpStatusCode expected)
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp());
        byte[] body = Vectors.Body("charge-succeeded.json");
        string signature = Vectors.Signature("charge-succeeded.json");
        byte[] malformed = Encoding.UTF8.GetBytes("{\"id\":\"evt_x\",\"type\":\"charge.succeeded\",");

        HttpResponseMessage response = kind switch
        {
            "missing-signature" => await host.PostAsync(body, null),
            "wrong-secret" => await host.PostAsync(body, ReceiverTests.Sign(body, "whsec_wrong")),
            "tampered-body" => await host.PostAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("2500", "9500", StringComparison.Ordinal)), signature),
            "malformed-signature" => await host.PostAsync(body, "sha256=xyz"),
            "malformed-json" => await host.PostAsync(malformed, ReceiverTests.Sign(malformed, Vectors.Current)),
            "text-content-type" => await host.PostAsync(body, signature, "text/plain"),
            _ => await host.PostAsync(body, signature, contentType: null),
        };

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, recorder.Invocations);
        Assert.Empty(recorder.CatchAll);
    }

    [Fact]
    public async Task An_oversized_body_is_413_whether_or_not_it_declares_its_length()
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp(maxBodyBytes: 1024));
        byte[] big = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 4096) + "\"}");

        HttpResponseMessage declared = await host.PostAsync(big, ReceiverTests.Sign(big, Vectors.Current));
        var chunked = new HttpRequestMessage(HttpMethod.Post, host.Endpoint) { Content = new StreamContent(new MemoryStream(big)) };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.TryAddWithoutValidation("X-Signature-256", ReceiverTests.Sign(big, Vectors.Current));
        HttpResponseMessage streamed = await host.Http.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(0, recorder.Invocations);
    }

    [Fact]
    public async Task A_rotated_secret_applies_on_configuration_reload_without_restart()
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp());
        const string rotated = "whsec_rotated_2026";

        HttpResponseMessage before = await host.PostSignedAsync("""{"id":"evt_r1","type":"charge.refunded"}""", rotated);
        host.Configuration["Payments:Webhooks:Secrets:1"] = rotated;
        host.Configuration.Reload(); // what a file or vault provider does on change
        HttpResponseMessage after = await host.PostSignedAsync("""{"id":"evt_r2","type":"charge.refunded"}""", rotated);
        HttpResponseMessage old = await host.PostSignedAsync("""{"id":"evt_r3","type":"charge.refunded"}""", Vectors.Current);

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Rejections_are_logged_without_the_body_or_a_secret()
    {
        var recorder = new Recorder();
        var logs = new LogCapture();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp(logs: logs));
        byte[] body = Encoding.UTF8.GetBytes("""{"id":"evt_secret_body","type":"charge.succeeded","data":{"id":"ch_private_42"}}""");

        await host.PostAsync(body, ReceiverTests.Sign(body, "whsec_wrong"));
        await host.PostAsync(Vectors.Body("charge-succeeded.json"), Vectors.Signature("charge-succeeded.json"));

        Assert.Contains(logs.Lines, l => l.Contains("SignatureMismatch", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("ch_private_42", StringComparison.Ordinal) || l.Contains("whsec", StringComparison.Ordinal));
    }
}
