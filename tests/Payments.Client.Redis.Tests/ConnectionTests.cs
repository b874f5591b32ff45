using StackExchange.Redis;
namespace Payments.Client.Redis.Tests;

/// <summary>The connection the package opens from a string: slow first connects and malformed strings.</summary>
public sealed class ConnectionTests(RedisFixture fixture) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task A_command_whose_caller_stopped_waiting_is_not_sent_when_the_first_connection_lands_late()
    {
        var connecting = new TaskCompletionSource<IConnectionMultiplexer>();
        var connection = new RedisConnection(connecting.Task);
        var time = new FakeTimeProvider();
        int sent = 0;

        Task<bool> call = connection.RunAsync(
            _ =>
            {
                Interlocked.Increment(ref sent);
                return Task.FromResult(true);
            },
            TimeSpan.FromSeconds(2),
            time,
            CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<TimeoutException>(() => call);

        // The connect completes after the bound: its continuation runs inline here, and must not send.
        connecting.SetResult(fixture.Redis);

        Assert.Equal(0, Volatile.Read(ref sent));
    }

    [Fact]
    public async Task A_command_asked_for_while_connecting_is_sent_once_the_connection_lands_in_time()
    {
        var connecting = new TaskCompletionSource<IConnectionMultiplexer>();
        var connection = new RedisConnection(connecting.Task);
        var time = new FakeTimeProvider();

        Task<bool> call = connection.RunAsync(_ => Task.FromResult(true), TimeSpan.FromSeconds(2), time, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        connecting.SetResult(fixture.Redis);

        Assert.True(await call.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Theory]
    [InlineData("localhost:6379,notakeyword=1")]
    [InlineData("localhost:6379,connectTimeout=soon")]
    public void A_malformed_connection_string_fails_at_registration_not_as_an_outage(string connectionString)
    {
        var services = new ServiceCollection();

        Assert.ThrowsAny<ArgumentException>(() => services.AddRedisWebhookDeduplication(connectionString));
        Assert.ThrowsAny<ArgumentException>(() => services.AddPaymentsClient(o => o.ApiKey = "sk_test_redis").UseRedisRateLimit(connectionString));
    }
}
