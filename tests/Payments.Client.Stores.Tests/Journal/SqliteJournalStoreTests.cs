namespace Payments.Client.Stores.Tests.Journal;

/// <summary>The journal store conformance suite on a real SQLite file.</summary>
public sealed class SqliteJournalStoreTests : JournalStoreConformance
{
    private readonly TempSqliteFile _file = new();

    public override Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<IChargeJournalStore> CreateStoreAsync() => Task.FromResult<IChargeJournalStore>(new SqliteChargeJournalStore(_file.Path));
}
