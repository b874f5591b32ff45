using Payments.Client.Tests.Support;

namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "Retry-After values", read from the raw header on a fake clock.</summary>
public class RetryAfterParsingTests
{
    [Theory]
    [InlineData("2147483648", 2147483648d)]
    [InlineData("99999999999", 99999999999d)]
    public async Task Delta_seconds_too_large_for_an_int_fail_fast_with_the_value(string header, double seconds)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, RateLimited(header), TestClient.Ok());

        RateLimitedException error = await api.Run(() => Assert.ThrowsAsync<RateLimitedException>(() => api.Client.ChargeAsync(TestClient.Request("k-huge"))));

        Assert.Single(api.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(seconds), error.RetryAfter);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("k-huge", error.IdempotencyKey);
    }

    [Fact]
    public async Task Delta_seconds_beyond_any_integer_type_fail_fast_as_the_longest_wait()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, RateLimited("184467440737095516150000"), TestClient.Ok());

        RateLimitedException error = await api.Run(() => Assert.ThrowsAsync<RateLimitedException>(() => api.Client.ChargeAsync(TestClient.Request())));

        Assert.Single(api.Attempts);
        Assert.Equal(TimeSpan.MaxValue, error.RetryAfter);
    }

    [Theory]
    [InlineData("10, 10", 10)]
    [InlineData("5, 20", 20)]
    [InlineData("20,5", 20)]
    public async Task A_folded_list_counts_as_its_largest_value(string header, int seconds)
    {
        var api = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));
        api.Script(TestClient.ChargeUrl, RateLimited(header), TestClient.Ok());

        await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal([TimeSpan.FromSeconds(seconds)], api.Gaps);
    }

    [Fact]
    public async Task Two_retry_after_headers_count_as_the_larger()
    {
        var api = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));
        api.Script(TestClient.ChargeUrl, TestClient.Error(429, "rate_limited", r => r.Headers.TryAddWithoutValidation("Retry-After", ["3", "7"])), TestClient.Ok());

        await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal([TimeSpan.FromSeconds(7)], api.Gaps);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("")]
    public async Task Negative_or_unparseable_values_count_as_absent(string header)
    {
        var api = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));
        api.Script(TestClient.ChargeUrl, RateLimited(header), TestClient.Ok());

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(2, result.Attempts);
        Assert.Equal([TimeSpan.FromMilliseconds(10)], api.Gaps); // the ordinary backoff, not a misread value
    }

    [Fact]
    public async Task An_http_date_in_a_folded_list_is_read_whole()
    {
        var api = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));
        string date = api.Time.GetUtcNow().AddSeconds(6).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        api.Script(TestClient.ChargeUrl, RateLimited("2, " + date), TestClient.Ok());

        await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal([TimeSpan.FromSeconds(6)], api.Gaps);
    }

    private static Responder RateLimited(string retryAfter) =>
        TestClient.Error(429, "rate_limited", r => r.Headers.TryAddWithoutValidation("Retry-After", retryAfter));
}
