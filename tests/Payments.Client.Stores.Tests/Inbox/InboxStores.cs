using Payments.Client.PostgreSql;
using Payments.Client.Sqlite;
using Payments.Client.Tests.Shared;
using Payments.Client.Webhooks;

namespace Payments.Client.Stores.Tests.Inbox;

/// <summary>Makes a fresh, empty inbox store of one kind for one test; disposes what it made.</summary>
public interface IInboxStoreFactory : IAsyncDisposable
{
    /// <summary>The store's name in test output.</summary>
    string Kind { get; }

    Task<IWebhookInboxStore> CreateAsync();
}

internal sealed class SqliteInboxStores : IInboxStoreFactory
{
    private readonly TempSqliteFile _file = new("inbox.db");

    public string Kind => "sqlite";

    public string Path => _file.Path;

    public Task<IWebhookInboxStore> CreateAsync() => Task.FromResult<IWebhookInboxStore>(new SqliteWebhookInboxStore(_file.Path));

    public ValueTask DisposeAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresInboxStores(PostgresFixture postgres) : IInboxStoreFactory
{
    private readonly List<PostgreSqlWebhookInboxStore> _stores = [];
    private string? _connectionString;

    public string Kind => "postgres";

    public async Task<IWebhookInboxStore> CreateAsync()
    {
        _connectionString ??= await postgres.CreateDatabaseAsync();
        var store = new PostgreSqlWebhookInboxStore(_connectionString);
        _stores.Add(store);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (PostgreSqlWebhookInboxStore store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
