namespace Payments.Client.Testing.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task FailNext_answers_the_status_with_processing_error_and_charges_nothing(int status)
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);
        api.Faults.FailNext(2, status);

        RawResponse first = await raw.ChargeV1Async("k");
        RawResponse second = await raw.ChargeV1Async("k");
        RawResponse third = await raw.ChargeV1Async("k");

        Assert.Equal((status, status, 200), (first.Status, second.Status, third.Status));
        Assert.Equal("processing_error", first.ErrorCode);
        Assert.Equal("api_error", first.Json.GetProperty("error").GetProperty("type").GetString());
        Assert.Single(api.Charges);
        Assert.Equal($"fail {status}", api.Requests[0].Fault);
        Assert.Equal(0, api.Faults.Pending);
    }

    [Fact]
    public async Task FailNext_can_answer_like_a_proxy_with_html_or_nothing()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);
        api.Faults.FailNext(1, 502, FaultBody.Html).FailNext(1, 503, FaultBody.Empty);

        RawResponse html = await raw.ChargeV1Async("k");
        RawResponse empty = await raw.ChargeV1Async("k");

        Assert.Equal((502, "text/html"), (html.Status, html.MediaType));
        Assert.StartsWith("<html>", html.Body, StringComparison.Ordinal);
        Assert.Equal((503, string.Empty), (empty.Status, empty.Body));
    }

    [Fact]
    public async Task RateLimitNext_sends_retry_after_in_seconds_or_as_an_http_date()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);
        var date = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        api.Faults.RateLimitNext(TimeSpan.FromMilliseconds(1500)).RateLimitNext(date);

        RawResponse seconds = await raw.ChargeV1Async("k");
        RawResponse httpDate = await raw.ChargeV1Async("k");

        Assert.Equal((429, "rate_limited", "2"), (seconds.Status, seconds.ErrorCode, seconds.Header("Retry-After")));
        Assert.Equal(date, httpDate.Headers.RetryAfter!.Date);
        Assert.Equal("Wed, 02 Jan 2030 03:04:05 GMT", httpDate.Header("Retry-After"));
        Assert.Empty(api.Charges);
    }

    [Fact]
    public async Task DropNext_aborts_the_connection_before_charging()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);
        api.Faults.DropNext();

        await Assert.ThrowsAsync<HttpRequestException>(() => raw.ChargeV1Async("k"));

        Assert.Empty(api.Charges);
        Assert.Equal((0, "drop"), (api.Requests[0].StatusCode, api.Requests[0].Fault));
    }

    [Fact]
    public async Task ChargeThenFail_records_the_charge_answers_500_and_the_retry_replays_it()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);
        api.Faults.ChargeThenFail();

        RawResponse failed = await raw.ChargeV1Async("k");
        Assert.Equal((500, "processing_error"), (failed.Status, failed.ErrorCode));
        FakeCharge charge = Assert.Single(api.Charges);

        RawResponse retried = await raw.ChargeV1Async("k");
        Assert.Equal(200, retried.Status);
        Assert.Equal(charge.Id, retried.Json.GetProperty("id").GetString());
        Assert.Single(api.Charges);
    }

    [Fact]
    public async Task ChargeThenDrop_records_the_charge_and_drops_the_connection()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);
        api.Faults.ChargeThenDrop();

        await Assert.ThrowsAsync<HttpRequestException>(() => raw.ChargeV1Async("k"));
        RawResponse retried = await raw.ChargeV1Async("k");

        Assert.Equal(Assert.Single(api.Charges).Id, retried.Json.GetProperty("id").GetString());
        Assert.Equal("charge-then-drop", api.Requests[0].Fault);
    }

    [Fact]
    public async Task DelayNext_holds_the_response_until_the_fake_clock_passes_the_delay()
    {
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = time });
        using var raw = new RawApi(api);
        api.Faults.DelayNext(TimeSpan.FromSeconds(30));

        Task<RawResponse> response = raw.ChargeV1Async("k");
        await api.WaitForRequestsAsync(r => r.Count == 1 && r[0].Fault is not null, Timeouts.Short);

        // Processed already: the charge exists while its response is held.
        Assert.Single(api.Charges);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(response.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await response.WaitAsync(Timeouts.Short)).Status);
        Assert.Equal("delay 30000 ms", api.Requests[0].Fault);
    }

    [Fact]
    public async Task A_client_that_gives_up_on_a_delayed_response_is_recorded_as_disconnected()
    {
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = time });
        api.Faults.DelayNext(TimeSpan.FromMinutes(5));
        using var raw = new RawApi(api);
        using var giveUp = new CancellationTokenSource();

        // The client gives up only once the fake holds the request: a timer could fire before the request arrived.
        Task<RawResponse> send = raw.ChargeV1Async("k", cancellationToken: giveUp.Token);
        await api.WaitForRequestsAsync(r => r.Count == 1 && r[0].Fault is not null, Timeouts.Short);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        await api.WaitForRequestsAsync(r => r.Count == 1 && r[0].StatusCode == 0, Timeouts.Short);

        Assert.Contains("client disconnected", api.Requests[0].Fault, StringComparison.Ordinal);
        Assert.Single(api.Charges);
    }

    [Fact]
    public async Task Faults_come_before_authentication_and_Clear_removes_them()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        using var raw = new RawApi(api);
        api.Faults.FailNext(1, 503).DropNext(3);

        RawResponse unauthenticated = await raw.PostAsync(RawApi.V1Body("k"), "k", apiKey: null);
        api.Faults.Clear();
        RawResponse normal = await raw.ChargeV1Async("k");

        Assert.Equal(503, unauthenticated.Status);
        Assert.Equal(200, normal.Status);
    }

    [Fact]
    public void Fault_arguments_are_checked()
    {
        var faults = new FaultInjector();

        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(1, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.RateLimitNext(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentException>(() => faults.UseRandom(new RandomFaultOptions { ServerErrorRate = 0.7, DropRate = 0.7 }));
    }

    [Fact]
    public async Task Random_faults_with_one_seed_replay_the_same_sequence()
    {
        var options = new RandomFaultOptions { Seed = 1234, ServerErrorRate = 0.2, RateLimitRate = 0.1, DropRate = 0.1, ChargeThenFailRate = 0.1, ChargeThenDropRate = 0.1 };

        string?[] first = await RunAsync(options);
        string?[] second = await RunAsync(options);

        Assert.Equal(first, second);
        Assert.Contains(first, f => f is null);
        Assert.Contains(first, f => f is not null);

        static async Task<string?[]> RunAsync(RandomFaultOptions options)
        {
            await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { RateLimit = { Enabled = false } });
            using var raw = new RawApi(api);
            api.Faults.UseRandom(options);
            for (int i = 0; i < 30; i++)
            {
                try
                {
                    await raw.GetAsync("ch_" + i);
                }
                catch (HttpRequestException)
                {
                    // A drop.
                }
            }

            return api.Requests.Select(r => r.Fault).ToArray();
        }
    }
}
