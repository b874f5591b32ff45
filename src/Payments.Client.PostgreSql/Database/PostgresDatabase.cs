using Npgsql;

namespace Payments.Client.PostgreSql;

/// <summary>
/// One PostgreSQL database shared by the features stored in it (the inbox, the journal) and by every instance of the
/// app: the data source (its connection pool) and how a feature's schema is created.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    // pg_advisory_xact_lock key: "paymentsschema" folded to 64 bits; any constant works, it only has to be one.
    private const long SchemaLockKey = 0x7061796d_656e7473;

    /// <param name="connectionString">An Npgsql connection string. Never logged: it may hold a password.</param>
    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            DataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, never the values.
            throw new ArgumentException($"The PostgreSQL connection string is malformed: {ex.Message}", nameof(connectionString));
        }
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// Runs a feature's idempotent script (<c>CREATE ... IF NOT EXISTS</c>; <paramref name="feature"/> names it in errors) in one transaction under an advisory lock, so instances starting together
    /// do not race on <c>CREATE ... IF NOT EXISTS</c> (which can fail on a concurrent creation in PostgreSQL).
    /// </summary>
    public async Task EnsureSchemaAsync(string feature, string sql, CancellationToken cancellationToken)
    {
        try
        {
            await using NpgsqlConnection connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                command.Parameters.AddWithValue("key", SchemaLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"Could not create the {feature} schema in PostgreSQL: {ex.Message}", ex);
        }
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
