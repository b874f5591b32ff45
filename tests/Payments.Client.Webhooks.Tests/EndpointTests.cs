namespace Payments.Client.Webhooks.Tests;

/// <summary>The endpoint over real HTTP on a loopback Kestrel port: each status code, duplicates, failures.</summary>
public class EndpointTests : IAsyncLifetime
{
    private readonly Recorder _recorder = new();
    private readonly LogCapture _logs = new();
    private WebhookTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WebhookTestHost.StartAsync(_recorder.ReadmeApp(logs: _logs));

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task A_second_delivery_of_a_handled_event_is_answered_200_without_running_handlers()
    {
        byte[] body = Vectors.Body("charge-failed.json");

        HttpResponseMessage first = await _host.PostAsync(body, Vectors.Signature("charge-failed.json"));
        HttpResponseMessage second = await _host.PostAsync(body, Vectors.Signature("charge-failed.json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("duplicate", await second.Content.ReadAsStringAsync());
        Assert.Single(_recorder.Typed);
        Assert.Equal(1, _recorder.Invocations);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_run_its_handler_once()
    {
        _recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        byte[] body = Vectors.Body("charge-succeeded.json");
        string signature = Vectors.Signature("charge-succeeded.json");

        Task<HttpResponseMessage>[] deliveries = Enumerable.Range(0, 8).Select(_ => _host.PostAsync(body, signature)).ToArray();
        HttpResponseMessage[] early = await Task.WhenAll(deliveries.Where(d => d.Wait(TimeSpan.FromSeconds(2))).ToArray());
        _recorder.Gate.SetResult();
        HttpResponseMessage[] all = await Task.WhenAll(deliveries);

        Assert.Equal(1, _recorder.Invocations);
        Assert.Single(_recorder.Typed);
        Assert.Equal(7, early.Length);
        Assert.All(early, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(early, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Single(all, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_handler_that_throws_gets_500_and_the_redelivery_runs_it_again()
    {
        _recorder.FailuresLeft = 1;
        byte[] body = Vectors.Body("charge-succeeded.json");

        HttpResponseMessage failed = await _host.PostAsync(body, Vectors.Signature("charge-succeeded.json"));
        HttpResponseMessage retried = await _host.PostAsync(body, Vectors.Signature("charge-succeeded.json"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, _recorder.Invocations);
        Assert.Single(_recorder.Typed);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("evt_9xK3mPq", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_event_type_is_answered_200_and_reaches_the_catch_all()
    {
        HttpResponseMessage response = await _host.PostAsync(Vectors.Body("unknown-type.json"), Vectors.Signature("unknown-type.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<UnknownPaymentsEvent>(Assert.Single(_recorder.CatchAll));
        Assert.Empty(_recorder.Typed);
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
        byte[] body = Vectors.Body("charge-succeeded.json");
        string signature = Vectors.Signature("charge-succeeded.json");
        byte[] malformed = Encoding.UTF8.GetBytes("{\"id\":\"evt_x\",\"type\":\"charge.succeeded\",");

        HttpResponseMessage response = kind switch
        {
            "missing-signature" => await _host.PostAsync(body, null),
            "wrong-secret" => await _host.PostAsync(body, ReceiverTests.Sign(body, "whsec_wrong")),
            "tampered-body" => await _host.PostAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("2500", "9500", StringComparison.Ordinal)), signature),
            "malformed-signature" => await _host.PostAsync(body, "sha256=xyz"),
            "malformed-json" => await _host.PostAsync(malformed, ReceiverTests.Sign(malformed, Vectors.Current)),
            "text-content-type" => await _host.PostAsync(body, signature, "text/plain"),
            _ => await _host.PostAsync(body, signature, contentType: null),
        };

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, _recorder.Invocations);
        Assert.Empty(_recorder.CatchAll);
    }

    [Fact]
    public async Task A_rotated_secret_applies_on_configuration_reload_without_restart()
    {
        const string rotated = "whsec_rotated_2026";

        HttpResponseMessage before = await _host.PostSignedAsync("""{"id":"evt_r1","type":"charge.refunded"}""", rotated);
        _host.Configuration["Payments:Webhooks:Secrets:1"] = rotated;
        _host.Configuration.Reload(); // what a file or vault provider does on change
        HttpResponseMessage after = await _host.PostSignedAsync("""{"id":"evt_r2","type":"charge.refunded"}""", rotated);
        HttpResponseMessage old = await _host.PostSignedAsync("""{"id":"evt_r3","type":"charge.refunded"}""", Vectors.Current);

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Rejections_are_logged_without_the_body_or_a_secret()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"id":"evt_secret_body","type":"charge.succeeded","data":{"id":"ch_private_42"}}""");

        await _host.PostAsync(body, ReceiverTests.Sign(body, "whsec_wrong"));
        await _host.PostAsync(Vectors.Body("charge-succeeded.json"), Vectors.Signature("charge-succeeded.json"));

        Assert.Contains(_logs.Lines, l => l.Contains("SignatureMismatch", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("ch_private_42", StringComparison.Ordinal) || l.Contains("whsec", StringComparison.Ordinal));
    }
}
