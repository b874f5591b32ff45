using System.CommandLine;
using System.Data.Common;
using Payments.Client;
using Payments.Client.PostgreSql;
using Payments.Client.Sqlite;

namespace Payments.Cli.Journal;

/// <summary><c>--sqlite PATH</c> or <c>--postgres CONNECTION-STRING</c>: exactly one. The tool never creates the journal's tables.</summary>
internal sealed class JournalStoreOptions
{
    private readonly Option<string?> _sqlite = new("--sqlite") { Description = "The app's SQLite journal file." };
    private readonly Option<string?> _postgres = new("--postgres") { Description = "The app's PostgreSQL connection string (never printed)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_sqlite);
        command.Options.Add(_postgres);
    }

    public Opened Open(ParseResult parse)
    {
        string? sqlite = parse.GetValue(_sqlite);
        string? postgres = parse.GetValue(_postgres);
        if (string.IsNullOrWhiteSpace(sqlite) == string.IsNullOrWhiteSpace(postgres))
        {
            throw new CliException("name the journal with exactly one of --sqlite PATH or --postgres CONNECTION-STRING", ExitCodes.Usage);
        }

        if (sqlite is not null && !File.Exists(sqlite))
        {
            throw new CliException($"no journal file at '{sqlite}'", ExitCodes.Usage);
        }

        IChargeJournalStore store;
        try
        {
            store = sqlite is not null ? new SqliteChargeJournalStore(sqlite) : new PostgreSqlChargeJournalStore(postgres!);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, ExitCodes.Usage);
        }

        return new Opened(store);
    }

    /// <summary>A journal over the store, without schema creation; store failures become one line naming the store.</summary>
    internal sealed class Opened(IChargeJournalStore store) : IAsyncDisposable
    {
        private readonly ChargeJournal _journal = new(store, new ChargeJournalOptions { CreateSchema = false });

        public async Task<T> RunAsync<T>(Func<ChargeJournal, Task<T>> work)
        {
            try
            {
                return await work(_journal).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                throw new CliException($"the journal ({store.Description}) could not be read: {e.Message}");
            }
        }

        public ValueTask DisposeAsync() => store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
