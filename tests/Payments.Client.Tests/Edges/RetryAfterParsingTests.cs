namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "Retry-After values", read from the raw header on a fake clock.</summary>
public class RetryAfterParsingTests
{
    [Theory]
    [InlineData("2147483648", 2147483648d)] // too large for an int
    [InlineData("99999999999", 99999999999d)]
    [InlineData("184467440737095516150000", null)] // beyond any integer type: the longest wait, TimeSpan.MaxValue
    public async Task Delta_seconds_too_large_for_an_int_fail_fast_with_the_value(string header, double? seconds)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, RateLimited(header), TestClient.Ok());

        RateLimitedException error = await api.Run(() => Assert.ThrowsAsync<RateLimitedException>(() => api.Client.ChargeAsync(TestClient.Request("k-huge"))));

        Assert.Single(api.Attempts);
        Assert.Equal(seconds is { } value ? TimeSpan.FromSeconds(value) : TimeSpan.MaxValue, error.RetryAfter);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("k-huge", error.IdempotencyKey);
    }

    [Theory]
    [InlineData(new[] { "10, 10" }, 10)]
    [InlineData(new[] { "5, 20" }, 20)]
    [InlineData(new[] { "20,5" }, 20)]
    [InlineData(new[] { "3", "7" }, 7)] // two Retry-After headers
    public async Task A_folded_list_or_repeated_headers_count_as_the_largest_value(string[] headers, int seconds)
    {
        var api = new TestClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));
        api.Script(TestClient.ChargeUrl, TestClient.Error(429, "rate_limited", r => r.Headers.TryAddWithoutValidation("Retry-After", headers)), TestClient.Ok());

        await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal([TimeSpan.FromSeconds(seconds)], api.Gaps);
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
