namespace Payments.Client.Tests;

/// <summary>Each retry rule of the contract, on a fake clock: nothing here sleeps for real.</summary>
public class RetryTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_server_error_is_retried_with_the_same_idempotency_key(int status)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(status, "processing_error"), TestClient.Error(status, "processing_error"), TestClient.Ok());

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(3, api.Attempts.Count);
        Assert.All(api.Attempts, a => Assert.Equal(result.IdempotencyKey, a.IdempotencyKey));
        Assert.All(api.Attempts, a => Assert.Contains(result.IdempotencyKey!, a.Body));
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task Server_errors_until_attempts_run_out_end_in_a_server_error_carrying_the_key()
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 4);
        api.Script(TestClient.ChargeUrl, TestClient.Error(503, "processing_error"));

        ServerErrorException error = await api.Run(() => Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request("k-503"))));

        Assert.Equal(4, api.Attempts.Count);
        Assert.Equal(4, error.Attempts);
        Assert.Equal("k-503", error.IdempotencyKey);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("processing_error", error.ErrorCode);
    }

    [Theory]
    [InlineData(0.5, new[] { 1.0, 2.0, 2.0, 2.0 })] // the middle of the jitter: BaseDelay doubled, capped at MaxDelay
    [InlineData(0.0, new[] { 0.8, 1.6, 2.0, 2.0 })] // its low end, x0.8
    [InlineData(1.0, new[] { 1.2, 2.0, 2.0, 2.0 })] // its high end, x1.2, capped
    public async Task Backoff_doubles_with_its_jitter_and_never_exceeds_the_maximum_delay(double jitter, double[] seconds)
    {
        var api = new TestClient(o =>
        {
            o.Retry.MaxAttempts = 5;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(1);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        }) { Jitter = jitter };
        api.Script(TestClient.ChargeUrl, TestClient.Error(500, "processing_error"));

        await api.Run(() => Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request())));

        Assert.Equal(5, api.Attempts.Count);
        Assert.Equal(seconds.Select(TimeSpan.FromSeconds), api.Gaps); // uncapped, the last would be 8 s
    }

    [Theory]
    [InlineData(500, "0", new[] { 0.5, 1.0, 2.0 })] // a Retry-After of 0 waits the backoff, never a tight loop
    [InlineData(400, "1", new[] { 1.0, 1.0, 1.6 })] // backoffs 0.4, 0.8, 1.6 s: the Retry-After wins twice, the backoff once
    public async Task A_retry_after_is_a_minimum_the_wait_is_the_larger_of_it_and_the_backoff(int baseDelayMs, string retryAfter, double[] seconds)
    {
        var api = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(baseDelayMs));
        Responder limited = TestClient.Error(429, "rate_limited", r => r.Headers.Add("Retry-After", retryAfter));
        api.Script(TestClient.ChargeUrl, limited, limited, limited, TestClient.Ok());

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(4, result.Attempts);
        Assert.Equal(seconds.Select(TimeSpan.FromSeconds), api.Gaps);
    }

    [Theory]
    [InlineData("rate_limited", "3", 3)]
    [InlineData("rate_limit_exceeded", "Tue, 09 Jun 2026 14:00:05 GMT", 5)] // an HTTP date: 5 s after the fake clock's start
    public async Task A_429_is_retried_after_its_retry_after_seconds_or_at_its_http_date_and_not_before(string code, string retryAfter, int seconds)
    {
        var api = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));
        api.Script(TestClient.ChargeUrl, TestClient.Error(429, code, r => r.Headers.Add("Retry-After", retryAfter)), TestClient.Ok());

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal([TimeSpan.FromSeconds(seconds)], api.Gaps); // the backoff alone would be 10 ms
        Assert.Equal(api.Attempts[0].IdempotencyKey, api.Attempts[1].IdempotencyKey);
        Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
    }

    [Theory]
    [InlineData(30, 30, 300, "120")] // longer than the maximum delay, well inside the overall timeout
    [InlineData(60, 5, 20, "25")] // within it, but sleeping would run into the overall timeout
    public async Task A_retry_after_beyond_the_maximum_delay_or_the_overall_timeout_fails_fast_with_the_value(int maxDelay, int attemptTimeout, int overallTimeout, string retryAfter)
    {
        var api = new TestClient(o =>
        {
            o.Retry.MaxDelay = TimeSpan.FromSeconds(maxDelay);
            o.AttemptTimeout = TimeSpan.FromSeconds(attemptTimeout);
            o.OverallTimeout = TimeSpan.FromSeconds(overallTimeout);
        });
        api.Script(TestClient.ChargeUrl, TestClient.Error(429, "rate_limited", r => r.Headers.Add("Retry-After", retryAfter)), TestClient.Ok());

        RateLimitedException error = await api.Run(() => Assert.ThrowsAsync<RateLimitedException>(() => api.Client.ChargeAsync(TestClient.Request("k-429"))));

        Assert.Single(api.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(int.Parse(retryAfter, CultureInfo.InvariantCulture)), error.RetryAfter);
        Assert.Equal("k-429", error.IdempotencyKey);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains(retryAfter, error.Message);
    }

    [Fact]
    public async Task Rate_limits_until_attempts_run_out_end_in_a_rate_limited_error()
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 3);
        api.Script(TestClient.ChargeUrl, TestClient.Error(429, "rate_limited", r => r.Headers.Add("Retry-After", "1")));

        RateLimitedException error = await api.Run(() => Assert.ThrowsAsync<RateLimitedException>(() => api.Client.ChargeAsync(TestClient.Request())));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], api.Gaps); // over the 0.1 and 0.2 s backoffs
        Assert.Equal(3, error.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    [Theory]
    [InlineData("connection reset", 0.1)] // the backoff, not the 2 s attempt timeout
    [InlineData("body cut", 0.1)]
    [InlineData("no answer", 2.1)] // the 2 s attempt timeout, then the 0.1 s backoff
    public async Task A_network_failure_a_cut_body_or_an_attempt_timeout_is_retried_with_the_same_key(string fault, double seconds)
    {
        var api = new TestClient(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));
        api.Script(TestClient.ChargeUrl, Fault(fault), TestClient.Ok("ch_after_fault"));

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal("ch_after_fault", result.Charge.Id);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, api.Attempts.Count);
        Assert.Equal(api.Attempts[0].IdempotencyKey, api.Attempts[1].IdempotencyKey);
        Assert.Equal([TimeSpan.FromSeconds(seconds)], api.Gaps);
    }

    [Fact]
    public async Task Network_failures_until_attempts_run_out_end_in_a_connection_error_not_a_raw_exception()
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 2);
        api.Script(TestClient.ChargeUrl, TestClient.Throw(new HttpRequestException("Connection refused")));

        ConnectionFailedException error = await api.Run(() => Assert.ThrowsAsync<ConnectionFailedException>(() => api.Client.ChargeAsync(TestClient.Request("k-net"))));

        Assert.Equal(2, api.Attempts.Count);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal("k-net", error.IdempotencyKey);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public async Task Bodies_cut_on_every_attempt_end_in_a_typed_connection_error_carrying_the_key()
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 2);
        api.Script(TestClient.ChargeUrl, TestClient.CutMidBody());

        ConnectionFailedException error = await api.Run(() => Assert.ThrowsAsync<ConnectionFailedException>(() => api.Client.ChargeAsync(TestClient.Request("k-cut"))));

        Assert.Equal("k-cut", error.IdempotencyKey);
        Assert.Equal(2, error.Attempts);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.DoesNotContain("could not be reached", error.Message); // the request did reach the API
        Assert.Contains("cut before a complete response", error.Message);
        Assert.Contains("may or may not have happened", error.Message);
    }

    [Fact]
    public async Task Any_other_transport_exception_still_ends_typed_with_the_key()
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 3);
        api.Script(TestClient.ChargeUrl, TestClient.Throw(new ObjectDisposedException("HttpClient")));

        PaymentsException error = await api.Run(() => ErrorMappingTests.Catch(api.Client.ChargeAsync(TestClient.Request("k-odd"))));

        Assert.Equal("k-odd", error.IdempotencyKey);
        Assert.IsType<ObjectDisposedException>(error.InnerException);
        Assert.Single(api.Attempts); // not a documented failure: not retried
        Assert.Contains("same idempotency key", error.Message);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_end_in_a_timeout_error()
    {
        var api = new TestClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Retry.MaxAttempts = 3;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Hang());

        RequestTimeoutException error = await api.Run(() => Assert.ThrowsAsync<RequestTimeoutException>(() => api.Client.ChargeAsync(TestClient.Request("k-slow"))));

        Assert.Equal(3, error.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1.1), TimeSpan.FromSeconds(1.2)], api.Gaps); // each 1 s timeout, then its backoff
        Assert.Equal("k-slow", error.IdempotencyKey);
        Assert.Contains("attempt timeout", error.Message);
        Assert.IsAssignableFrom<ConnectionFailedException>(error);
    }

    [Fact]
    public async Task The_overall_timeout_bounds_the_whole_call()
    {
        var api = new TestClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(4);
            o.OverallTimeout = TimeSpan.FromSeconds(6);
            o.Retry.MaxAttempts = 10;
        });
        api.Script(TestClient.ChargeUrl, TestClient.Hang());
        DateTimeOffset start = api.Time.GetUtcNow();

        RequestTimeoutException error = await api.Run(() => Assert.ThrowsAsync<RequestTimeoutException>(() => api.Client.ChargeAsync(TestClient.Request())));

        Assert.Equal(TimeSpan.FromSeconds(6), api.Time.GetUtcNow() - start);
        Assert.Equal(2, api.Attempts.Count);
        Assert.Contains("overall timeout", error.Message);
    }

    [Fact]
    public async Task A_single_attempt_configuration_never_retries()
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 1);
        api.Script(TestClient.ChargeUrl, TestClient.Error(500, "processing_error"), TestClient.Ok());

        await Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Single(api.Attempts);
    }

    [Fact]
    public async Task A_get_is_retried_on_the_same_rules_without_an_idempotency_key()
    {
        var api = new TestClient();
        api.Script("https://api.example.com/v1/payments/charges/ch_1", TestClient.Error(502, "processing_error"), TestClient.Ok());

        ChargeResult read = await api.Run(() => api.Client.GetChargeAsync("ch_1"));

        Assert.Equal("ch_1", read.Charge.Id);
        Assert.Null(read.IdempotencyKey);
        Assert.Equal(2, api.Attempts.Count);
        Assert.All(api.Attempts, a => Assert.Null(a.IdempotencyKey));
        Assert.All(api.Attempts, a => Assert.Equal(HttpMethod.Get, a.Method));
    }

    private static Responder Fault(string name) => name switch
    {
        "connection reset" => TestClient.Throw(new HttpRequestException("Connection reset by peer")),
        "body cut" => TestClient.CutMidBody(),
        "no answer" => TestClient.Hang(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a fault of this test"),
    };
}
