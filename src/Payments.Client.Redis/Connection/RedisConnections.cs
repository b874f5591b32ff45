using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Payments.Client.Redis;

/// <summary>
/// The multiplexers this package opened from connection strings, one per string, shared by the store and the
/// limiter and disposed with the container. They never refuse to start while Redis is down (they keep
/// reconnecting in the background), and fail commands at once while disconnected instead of queueing them.
/// </summary>
internal sealed class RedisConnections : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ConnectionMultiplexer>> _connections = new(StringComparer.Ordinal);

    public IConnectionMultiplexer Get(string connectionString) =>
        _connections.GetOrAdd(connectionString, static s => new Lazy<ConnectionMultiplexer>(() => Connect(s))).Value;

    public void Dispose()
    {
        foreach (Lazy<ConnectionMultiplexer> connection in _connections.Values)
        {
            if (connection.IsValueCreated)
            {
                connection.Value.Dispose();
            }
        }
    }

    private static ConnectionMultiplexer Connect(string connectionString)
    {
        ConfigurationOptions options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(options);
    }
}
