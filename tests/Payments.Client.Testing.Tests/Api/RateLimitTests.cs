namespace Payments.Client.Testing.Tests.Api;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_burst_of_50_passes_and_the_51st_is_429_rate_limited_with_retry_after()
    {
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = time });
        using var raw = new RawApi(api);

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(404, (await raw.GetAsync("ch_" + i)).Status);
        }

        RawResponse limited = await raw.GetAsync("ch_51");
        Assert.Equal(429, limited.Status);
        Assert.Equal("rate_limited", limited.ErrorCode);
        Assert.Equal("1", limited.Header("Retry-After"));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(404, (await raw.GetAsync("ch_after")).Status);
    }

    [Fact]
    public async Task The_sustained_rate_is_25_per_second_once_the_burst_reserve_is_spent()
    {
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions
        {
            TimeProvider = time,
            RateLimit = { RequestsPerSecond = 25, BurstRequestsPerSecond = 50, BurstDuration = TimeSpan.Zero },
        });
        using var raw = new RawApi(api);
        for (int i = 0; i < 50; i++)
        {
            await raw.GetAsync("ch_x");
        }

        time.Advance(TimeSpan.FromSeconds(1));
        int accepted = 0;
        for (int i = 0; i < 40; i++)
        {
            accepted += (await raw.GetAsync("ch_x")).Status == 404 ? 1 : 0;
        }

        Assert.Equal(25, accepted);
    }

    [Fact]
    public async Task Turned_off_it_never_answers_429()
    {
        var time = new FakeTimeProvider();
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = time, RateLimit = { Enabled = false } });
        using var raw = new RawApi(api);

        RawResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => raw.GetAsync("ch_" + i)));

        Assert.All(responses, r => Assert.Equal(404, r.Status));
    }
}
