using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Payments.Client.Tests.Shared;

namespace Payments.Client.Benchmarks;

/// <summary>
/// Issue 21: what the charge journal adds to a charge, side by side in one run. The same DI-created client over the
/// loopback server without a journal (baseline), with the journal in a SQLite file (WAL, synchronous=FULL: two
/// durable commits per charge, the intent before sending and the answer after), and on a private PostgreSQL cluster
/// (fsync off there: PostgreSQL's own durability is not what is measured). Goal: at most 2 ms added on SQLite.
/// <c>dotnet run -c Release --project benchmarks/Payments.Client.Benchmarks -- --filter '*Journal*' --job short --inProcess</c>
/// </summary>
[MemoryDiagnoser]
public class ChargeJournalBenchmarks
{
    private LoopbackServer _server = null!;
    private PostgresServer _postgres = null!;
    private string _dir = null!;
    private ServiceProvider _plain = null!;
    private ServiceProvider _sqlite = null!;
    private ServiceProvider _pg = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await LoopbackServer.StartAsync();
        _postgres = await PostgresServer.StartAsync();
        string connectionString = await _postgres.CreateDatabaseAsync();
        _dir = Directory.CreateTempSubdirectory("payments-journal-bench-").FullName;
        _plain = Clients.Sdk(_server.BaseAddress);
        _sqlite = Clients.Sdk(_server.BaseAddress, more: b => b.AddSqliteChargeJournal(Path.Combine(_dir, "journal.db")));
        _pg = Clients.Sdk(_server.BaseAddress, more: b => b.AddPostgreSqlChargeJournal(connectionString));

        // The schema is created on first use; that first charge is not what is measured.
        await NoJournal();
        await SqliteJournal();
        await PostgresJournal();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _plain.DisposeAsync();
        await _sqlite.DisposeAsync();
        await _pg.DisposeAsync();
        await _server.DisposeAsync();
        await _postgres.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task<ChargeResult> NoJournal() => _plain.GetRequiredService<IPaymentsClient>().ChargeAsync(Clients.Request);

    [Benchmark]
    public Task<ChargeResult> SqliteJournal() => _sqlite.GetRequiredService<IPaymentsClient>().ChargeAsync(Clients.Request);

    [Benchmark]
    public Task<ChargeResult> PostgresJournal() => _pg.GetRequiredService<IPaymentsClient>().ChargeAsync(Clients.Request);
}
