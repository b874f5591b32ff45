using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Payments.Client.Redis;

/// <summary>
/// The multiplexers this package opened from connection strings, one per string, shared by the store and the
/// limiter and disposed with the container. Connecting is asynchronous and starts when the first store or limiter
/// is created: no thread is blocked on it (a synchronous connect on a busy host's first requests stalled the thread
/// pool past the connect timeout, and every request meanwhile was answered "unavailable"). They never refuse to
/// start while Redis is down (they keep reconnecting in the background), and fail commands at once while
/// disconnected instead of queueing them.
/// </summary>
internal sealed class RedisConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectionMultiplexer>>> _connections = new(StringComparer.Ordinal);

    public RedisConnection Get(string connectionString) =>
        new(_connections.GetOrAdd(connectionString, static s => new Lazy<Task<IConnectionMultiplexer>>(() => ConnectAsync(Parse(s)))).Value);

    /// <summary>
    /// Reads a connection string synchronously, so a malformed one is an <see cref="ArgumentException"/> where it is
    /// registered (and again where the store or limiter is created), never a connection that looks like a Redis outage.
    /// </summary>
    public static ConfigurationOptions Parse(string connectionString)
    {
        ConfigurationOptions options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    public void Dispose()
    {
        foreach (Lazy<Task<IConnectionMultiplexer>> connection in _connections.Values)
        {
            if (!connection.IsValueCreated)
            {
                continue;
            }

            if (connection.Value.IsCompletedSuccessfully)
            {
                connection.Value.Result.Dispose();
            }
            else
            {
                // Still connecting: dispose it once it exists.
                _ = connection.Value.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options) =>
        await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
}
