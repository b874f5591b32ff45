using Microsoft.Data.Sqlite;

namespace Payments.Client.Sqlite;

/// <summary>
/// One SQLite file shared by the features stored in it (the inbox, the journal): how a connection is opened and how a
/// feature's schema is created. WAL lets readers run beside the one writer; <c>synchronous=FULL</c> makes a commit
/// durable against power loss, not only against a crash of the process, before the caller acts on it (a 200, a charge).
/// </summary>
#pragma warning disable CA1001 // The write gate's SemaphoreSlim holds no wait handle (AvailableWaitHandle is never read): nothing to dispose.
internal sealed class SqliteDatabase
#pragma warning restore CA1001
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    // SQLite lets one connection write at a time; a second waits in SQLite's busy handler, which sleeps in steps of up to
    // 100 ms. Writers of this process queue here instead and go in turn (other processes still meet busy_timeout).
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <param name="path">The database file; created when missing (its folder must exist).</param>
    /// <param name="busyTimeout">How long a write waits for another connection's write to finish before failing.</param>
    public SqliteDatabase(string path, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();
        _pragmas = FormattableString.Invariant($"PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous=FULL;");
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>An open connection with this store's settings; the caller disposes it (back to the pool).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using SqliteCommand pragmas = connection.CreateCommand();
            pragmas.CommandText = _pragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one write (a short transaction) after this process's other writes, on its own connection.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await write(connection).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Switches the file to WAL (a property of the file, kept across opens) and runs a feature's idempotent script.
    /// Each feature owns its script (<c>CREATE ... IF NOT EXISTS</c>, safe to run again); <paramref name="feature"/> names it in errors.</summary>
    public async Task EnsureSchemaAsync(string feature, string sql, CancellationToken cancellationToken)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = sql;
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"Could not create the {feature} schema in the SQLite file '{Path}': {ex.Message}", ex);
        }
    }
}
