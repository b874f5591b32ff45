namespace Payments.Client.Stores.Tests.Inbox;

/// <summary>Makes a fresh, empty inbox store of one kind for one test; disposes what it made.</summary>
public interface IInboxStoreFactory : IAsyncDisposable
{
    /// <summary>The store's name in test output.</summary>
    string Kind { get; }

    Task<IWebhookInboxStore> CreateAsync();

    /// <summary>The one registration line a merchant writes for this store, on a fresh inbox.</summary>
    Task<Action<IServiceCollection>> RegistrationAsync(Action<WebhookInboxOptions>? configure = null);
}

internal sealed class SqliteInboxStores : IInboxStoreFactory
{
    private readonly TempSqliteFile _file = new("inbox.db");

    public string Kind => "sqlite";

    public string Path => _file.Path;

    public Task<IWebhookInboxStore> CreateAsync() => Task.FromResult<IWebhookInboxStore>(new SqliteWebhookInboxStore(_file.Path));

    public Task<Action<IServiceCollection>> RegistrationAsync(Action<WebhookInboxOptions>? configure = null) =>
        Task.FromResult<Action<IServiceCollection>>(services => services.AddSqliteWebhookInbox(_file.Path, configure));

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

    public async Task<Action<IServiceCollection>> RegistrationAsync(Action<WebhookInboxOptions>? configure = null)
    {
        _connectionString ??= await postgres.CreateDatabaseAsync();
        string connectionString = _connectionString;
        return services => services.AddPostgreSqlWebhookInbox(connectionString, configure);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (PostgreSqlWebhookInboxStore store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
