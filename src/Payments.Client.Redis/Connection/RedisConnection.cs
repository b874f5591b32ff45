using StackExchange.Redis;

namespace Payments.Client.Redis;

/// <summary>
/// One multiplexer, possibly still making its first connection. A command asked for meanwhile waits for that
/// connection (within the command's own bound) instead of failing as "not connected": an app that takes traffic
/// the moment it starts must not answer its first deliveries 503 while Redis is up. Once the first connection
/// attempt is over, a disconnected multiplexer fails at once (no round trip, no backlog).
/// </summary>
internal sealed class RedisConnection
{
    private readonly Task<IConnectionMultiplexer> _connecting;

    public RedisConnection(IConnectionMultiplexer redis) => _connecting = Task.FromResult(redis);

    public RedisConnection(Task<IConnectionMultiplexer> connecting) => _connecting = connecting;

    /// <summary>Runs <paramref name="command"/> on a connected database; the whole of it, waiting to connect included, is bounded.</summary>
    public Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_connecting.IsCompletedSuccessfully)
        {
            return Bounded.RunAsync(Send(_connecting.Result, command), timeout, time, cancellationToken);
        }

        return Bounded.RunAsync(SendWhenConnectedAsync(command, time.GetTimestamp(), timeout, time, cancellationToken), timeout, time, cancellationToken);
    }

    private static Task<T> Send<T>(IConnectionMultiplexer redis, Func<IDatabase, Task<T>> command) =>
        redis.IsConnected ? command(redis.GetDatabase()) : throw new RedisUnavailableException();

    // A connection that lands after the caller stopped waiting must not send the command anyway: a late claim would
    // hold an event under a token nobody has (its redeliveries answered "in progress" until the claim lapses), a late
    // take would spend a token nobody uses.
    private async Task<T> SendWhenConnectedAsync<T>(Func<IDatabase, Task<T>> command, long started, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        IConnectionMultiplexer redis = await _connecting.ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested || time.GetElapsedTime(started) >= timeout)
        {
            throw new RedisUnavailableException();
        }

        return await Send(redis, command).ConfigureAwait(false);
    }
}
