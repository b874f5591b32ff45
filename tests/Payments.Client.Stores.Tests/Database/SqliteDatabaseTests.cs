namespace Payments.Client.Stores.Tests.Database;

/// <summary>The shared part of the SQLite package: how the file is opened and a feature's schema created.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempSqliteFile _file = new();

    [Fact]
    public async Task A_feature_schema_is_created_once_and_running_it_again_changes_nothing()
    {
        var database = new SqliteDatabase(_file.Path, TimeSpan.FromSeconds(5));
        const string Feature = "test feature";
        const string Sql = "CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY);";
        await database.EnsureSchemaAsync(Feature, Sql, CancellationToken.None);
        await using (SqliteConnection connection = await database.OpenAsync(CancellationToken.None))
        {
            using SqliteCommand insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t VALUES ('a')";
            await insert.ExecuteNonQueryAsync();
        }

        await database.EnsureSchemaAsync(Feature, Sql, CancellationToken.None);

        await using SqliteConnection check = await database.OpenAsync(CancellationToken.None);
        using SqliteCommand command = check.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // FULL
    }

    [Fact]
    public async Task A_broken_script_fails_naming_the_feature_and_the_file()
    {
        var database = new SqliteDatabase(_file.Path, TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            database.EnsureSchemaAsync("test feature", "CREATE TABLE", CancellationToken.None));
        Assert.Contains("test feature", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_file.Path, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _file.Dispose();
}
