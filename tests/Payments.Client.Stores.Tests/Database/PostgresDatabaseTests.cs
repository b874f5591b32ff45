namespace Payments.Client.Stores.Tests.Database;

/// <summary>The shared part of the PostgreSQL package, on a real server: a feature's schema created by several instances at once.</summary>
[Collection(nameof(PostgresCollection))]
public sealed class PostgresDatabaseTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Instances_starting_together_create_the_schema_once_without_failing()
    {
        string connectionString = await postgres.CreateDatabaseAsync();
        const string Feature = "test feature";
        const string Sql = "CREATE TABLE IF NOT EXISTS t (id text PRIMARY KEY); CREATE INDEX IF NOT EXISTS t_id ON t (id);";
        PostgresDatabase[] instances = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(connectionString)).ToArray();
        try
        {
            await Task.WhenAll(instances.Select(i => i.EnsureSchemaAsync(Feature, Sql, CancellationToken.None)));
            await using NpgsqlCommand command = instances[0].DataSource.CreateCommand("SELECT count(*) FROM pg_tables WHERE tablename = 't'");
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
        finally
        {
            foreach (PostgresDatabase instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Fact]
    public void A_malformed_connection_string_fails_at_construction_without_echoing_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PostgresDatabase("Host=x;Password=hunter2;NoSuchKeyword=1"));
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }
}
