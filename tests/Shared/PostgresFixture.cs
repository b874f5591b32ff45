namespace Payments.Client.Tests.Shared;

/// <summary>One private PostgreSQL cluster for every test class in the <see cref="PostgresCollection"/>; each class takes its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    internal PostgresServer Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>A fresh database's connection string.</summary>
    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The test classes that share the one PostgreSQL cluster (they run one after another; each has its own database).</summary>
[CollectionDefinition(nameof(PostgresCollection))]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
