namespace Payments.Client.Stores.Tests.Journal;

/// <summary>The journal store conformance suite on a real PostgreSQL server (a database of its own per test).</summary>
[Collection(nameof(PostgresCollection))]
public sealed class PostgresJournalStoreTests(PostgresFixture postgres) : JournalStoreConformance
{
    private PostgreSqlChargeJournalStore? _store;

    public override async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    protected override async Task<IChargeJournalStore> CreateStoreAsync() => _store = new PostgreSqlChargeJournalStore(await postgres.CreateDatabaseAsync());
}
