namespace Payments.Client.Tests.Shared;

/// <summary>A real SQLite database file in a fresh temporary directory (with its -wal and -shm beside it), deleted on dispose.</summary>
internal sealed class TempSqliteFile : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("payments-sqlite-").FullName;

    public TempSqliteFile(string name = "payments.db") => Path = System.IO.Path.Combine(_dir, name);

    public string Path { get; }

    public void Dispose()
    {
        // Pooled connections keep the file open; clearing the pools lets the directory go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
