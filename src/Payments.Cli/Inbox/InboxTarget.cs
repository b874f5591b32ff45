using System.CommandLine;
using Payments.Client.PostgreSql;
using Payments.Client.Sqlite;
using Payments.Client.Webhooks;

namespace Payments.Cli.Inbox;

/// <summary>Which inbox a command works on: <c>--sqlite PATH</c> or <c>--postgres CONNECTION-STRING</c>, exactly one.</summary>
internal sealed class InboxTarget(Option<string?> sqlite, Option<string?> postgres)
{
    public static InboxTarget Create() => new(
        new Option<string?>("--sqlite") { Description = "The inbox's SQLite file (the app's AddSqliteWebhookInbox path)." },
        new Option<string?>("--postgres") { Description = "The inbox's PostgreSQL connection string (the app's AddPostgreSqlWebhookInbox one)." });

    public void AddTo(Command command)
    {
        command.Options.Add(sqlite);
        command.Options.Add(postgres);
        command.Validators.Add(result =>
        {
            bool hasSqlite = result.GetValue(sqlite) is not null;
            bool hasPostgres = result.GetValue(postgres) is not null;
            if (hasSqlite == hasPostgres)
            {
                result.AddError("give the inbox as exactly one of --sqlite PATH or --postgres CONNECTION-STRING.");
            }
        });
    }

    /// <summary>The store, never creating a schema: the tool looks at an inbox the app made.</summary>
    public IWebhookInboxStore Open(ParseResult parse)
    {
        if (parse.GetValue(sqlite) is { } path)
        {
            if (!File.Exists(path))
            {
                throw new CliException($"no SQLite inbox at '{path}' (the file does not exist).");
            }

            return new SqliteWebhookInboxStore(path, createSchema: false);
        }

        try
        {
            return new PostgreSqlWebhookInboxStore(parse.GetValue(postgres)!, createSchema: false);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage);
        }
    }
}
