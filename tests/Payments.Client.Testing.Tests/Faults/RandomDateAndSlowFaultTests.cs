namespace Payments.Client.Testing.Tests.Faults;

/// <summary>The random 429s with an HTTP-date and the random slow responses the chaos suite needs.</summary>
public sealed class RandomDateAndSlowFaultTests
{
    [Theory]
    [InlineData(0, 2, "2")] // no date share: delta-seconds
    [InlineData(1, 1, "Fri, 02 Jan 2026 03:04:07 GMT")] // 03:04:05.3 + 1 s = 03:04:06.3, rounded up so the client never comes back early
    public async Task A_random_429_carries_its_Retry_After_in_seconds_or_as_an_HTTP_date_rounded_up_to_a_whole_second(double dateShare, int seconds, string retryAfter)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 300, TimeSpan.Zero));
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = clock, RateLimit = { Enabled = false } });
        using var raw = new RawApi(api);
        api.Faults.UseRandom(new RandomFaultOptions { Seed = 1, RateLimitRate = 1, RetryAfterAsDateShare = dateShare, RetryAfter = TimeSpan.FromSeconds(seconds) });

        RawResponse response = await raw.ChargeV1Async("k");

        Assert.Equal(429, response.Status);
        Assert.Equal(retryAfter, response.Header("Retry-After"));
        Assert.Equal($"rate-limit (Retry-After: {retryAfter})", Assert.Single(api.Requests).Fault);
    }

    [Fact]
    public async Task A_random_slow_response_charges_then_holds_the_answer()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { RateLimit = { Enabled = false } });
        using var raw = new RawApi(api);
        api.Faults.UseRandom(new RandomFaultOptions { Seed = 1, SlowRate = 1, SlowDelay = TimeSpan.FromMilliseconds(300) });

        RawResponse response = await raw.ChargeV1Async("k");

        Assert.Equal(200, response.Status);
        Assert.Single(api.Charges);
        RecordedRequest request = Assert.Single(api.Requests);
        Assert.Equal("delay 300 ms", request.Fault);
    }

    [Fact]
    public void New_rates_are_checked()
    {
        var faults = new FaultInjector();

        Assert.Throws<ArgumentException>(() => faults.UseRandom(new RandomFaultOptions { SlowRate = 0.6, DropRate = 0.6 }));
        Assert.Throws<ArgumentException>(() => faults.UseRandom(new RandomFaultOptions { RetryAfterAsDateShare = 1.5 }));
        Assert.Throws<ArgumentException>(() => faults.UseRandom(new RandomFaultOptions { SlowDelay = TimeSpan.FromSeconds(-1) }));
    }
}
