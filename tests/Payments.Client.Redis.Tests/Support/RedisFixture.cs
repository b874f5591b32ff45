using StackExchange.Redis;
namespace Payments.Client.Redis.Tests.Support;

/// <summary>One real redis-server and a connection to it for a test class; every test uses its own keys.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    internal RedisServer Server => _server ?? throw new InvalidOperationException("not started");

    public ConnectionMultiplexer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        Redis = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
