using StackExchange.Redis;
namespace Payments.Client.Redis.Tests;

/// <summary>The shared bucket on a real Redis: one budget across connections, tokens given back, the key never stored.</summary>
public sealed class RateLimiterTests(RedisFixture fixture) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Two_limiters_on_separate_connections_draw_from_one_bucket()
    {
        await using ConnectionMultiplexer other = await ConnectionMultiplexer.ConnectAsync(fixture.Server.ConnectionString);
        var a = new RedisPaymentsRateLimiter(fixture.Redis);
        var b = new RedisPaymentsRateLimiter(other);
        // One token per 10 s (on the Redis server's clock, so nothing here sleeps): even calls a loaded machine spreads
        // over seconds refill less than half a token, so the waits are near whole multiples of 10 s.
        var bucket = new PaymentsRateLimitBucket(Guid.NewGuid().ToString("N"), requestsPerSecond: 0.1, burst: 4);

        TimeSpan?[] waits = [await a.ReserveAsync(bucket, default), await b.ReserveAsync(bucket, default), await a.ReserveAsync(bucket, default), await b.ReserveAsync(bucket, default), await a.ReserveAsync(bucket, default), await b.ReserveAsync(bucket, default)];

        Assert.All(waits[..4], w => Assert.Equal(TimeSpan.Zero, w));
        Assert.InRange(waits[4]!.Value, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));   // one token short
        Assert.InRange(waits[5]!.Value, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));  // two short: first come, first served
    }

    [Fact]
    public async Task A_token_given_back_is_the_next_callers()
    {
        var limiter = new RedisPaymentsRateLimiter(fixture.Redis);
        var bucket = new PaymentsRateLimitBucket(Guid.NewGuid().ToString("N"), requestsPerSecond: 1, burst: 1);

        TimeSpan? first = await limiter.ReserveAsync(bucket, default);
        await limiter.ReturnAsync(bucket);
        TimeSpan? second = await limiter.ReserveAsync(bucket, default);

        Assert.Equal(TimeSpan.Zero, first);
        Assert.Equal(TimeSpan.Zero, second);
    }

    [Fact]
    public async Task The_api_key_never_reaches_redis_only_its_fingerprint()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(fixture.Redis);
        services.AddPaymentsClient(o => { o.BaseAddress = api.BaseAddress; o.ApiKey = api.ApiKey; }).UseRedisRateLimit();
        await using ServiceProvider provider = services.BuildServiceProvider();

        // The bucket key expires as soon as the bucket is full again, so record every key written as it happens.
        IServer server = fixture.Redis.GetServer(fixture.Redis.GetEndPoints()[0]);
        await server.ExecuteAsync("CONFIG", "SET", "notify-keyspace-events", "Kh");
        var written = new System.Collections.Concurrent.ConcurrentQueue<string>();
        ISubscriber subscriber = fixture.Redis.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Pattern("__keyspace@0__:payments:ratelimit:*"), (channel, _) => written.Enqueue(channel.ToString()));

        await provider.GetRequiredService<IPaymentsClient>().ChargeAsync(
            new ChargeRequest { Amount = 100, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds },
            CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (written.IsEmpty && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20); // bounded poll (10 s above): the keyspace notification comes from the real Redis server
        }

        await subscriber.UnsubscribeAllAsync();
        Assert.False(written.IsEmpty, "no rate-limit key was written within 10 s of the charge");
        Assert.All(written, key => Assert.DoesNotContain(api.ApiKey, key, StringComparison.Ordinal));
        foreach (RedisKey key in server.Keys(pattern: "payments:ratelimit:*"))
        {
            Assert.DoesNotContain(api.ApiKey, key.ToString(), StringComparison.Ordinal);
            foreach (HashEntry entry in await fixture.Redis.GetDatabase().HashGetAllAsync(key))
            {
                Assert.DoesNotContain(api.ApiKey, entry.Value.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task While_redis_is_down_it_answers_null_at_once_and_warns_once_then_recovers()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var warnings = new WarningCounter();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(warnings));
        var limiter = new RedisPaymentsRateLimiter(redis, new RedisRateLimitOptions { RetryInterval = TimeSpan.FromMilliseconds(100) }, logger: loggers.CreateLogger<RedisPaymentsRateLimiter>());
        var bucket = new PaymentsRateLimitBucket(Guid.NewGuid().ToString("N"), requestsPerSecond: 100, burst: 100);
        Assert.Equal(TimeSpan.Zero, await limiter.ReserveAsync(bucket, default));

        await server.KillAsync();

        // The first call may still be sent to the dead server and wait out the limiter's own 2 s bound; the test's
        // deadline is well past that (a loaded machine), and "at once" is judged on the calls after it.
        var down = new List<TimeSpan?> { await limiter.ReserveAsync(bucket, default).AsTask().WaitAsync(TimeSpan.FromSeconds(20)) };
        var rest = Stopwatch.StartNew();
        for (int i = 0; i < 49; i++)
        {
            down.Add(await limiter.ReserveAsync(bucket, default).AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
        }

        rest.Stop();
        await server.RestartAsync();
        TimeSpan? back = await WhenAnsweringAsync(limiter, bucket);

        Assert.All(down, w => Assert.Null(w));

        // 49 calls each waiting for Redis would take 98 s; answered from the outage state they take milliseconds.
        Assert.True(rest.Elapsed < TimeSpan.FromSeconds(2), $"49 calls during the outage took {rest.Elapsed.TotalSeconds:0.0} s: they waited for Redis");
        Assert.Equal(1, warnings.RedisUnavailable);
        Assert.Equal(TimeSpan.Zero, back);
    }

    [Fact]
    public async Task A_hung_redis_holds_a_charge_no_longer_than_its_overall_timeout()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis);

        // A command bound far longer than the call's deadline: only the deadline can end the wait for Redis.
        services.Configure<RedisRateLimitOptions>(o => o.CommandTimeout = TimeSpan.FromSeconds(20));
        services.AddPaymentsClient(o =>
            {
                o.BaseAddress = api.BaseAddress;
                o.ApiKey = api.ApiKey;
                o.OverallTimeout = TimeSpan.FromSeconds(1);
                o.AttemptTimeout = TimeSpan.FromSeconds(1);
            })
            .UseRedisRateLimit();
        await using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClient payments = provider.GetRequiredService<IPaymentsClient>();

        // Hung, not down: connected, every command held for 30 s.
        await redis.GetServer(redis.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "30000", "ALL");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        PaymentsException error = await Assert.ThrowsAnyAsync<PaymentsException>(() => payments.ChargeAsync(
            new ChargeRequest { Amount = 100, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds },
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15)));
        TimeSpan took = clock.Elapsed;
        await server.KillAsync(); // a paused server would hold the multiplexer's goodbye for its sync timeout

        // 1 s deadline against a 20 s command bound and a 30 s pause; 5 s leaves a loaded machine room to schedule.
        Assert.IsType<RequestTimeoutException>(error);
        Assert.True(took < TimeSpan.FromSeconds(5), $"the charge took {took.TotalSeconds:0.0} s against its 1 s overall timeout");
        Assert.Empty(api.Requests);
    }

    private static async Task<TimeSpan?> WhenAnsweringAsync(RedisPaymentsRateLimiter limiter, PaymentsRateLimitBucket bucket)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (await limiter.ReserveAsync(bucket, default) is { } wait)
            {
                return wait;
            }

            await Task.Delay(100); // bounded poll (20 s above): the restarted Redis process answers once it is up
        }

        throw new TimeoutException("the limiter did not use Redis again within 20 s of its restart");
    }
}
