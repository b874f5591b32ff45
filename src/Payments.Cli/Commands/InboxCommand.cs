using System.CommandLine;
using System.Globalization;
using Payments.Cli.Inbox;
using Payments.Cli.Output;
using Payments.Client.PostgreSql;
using Payments.Client.Sqlite;
using Payments.Client.Webhooks;

namespace Payments.Cli.Commands;

/// <summary>
/// <c>payments inbox list|show|replay|purge|schema</c>: the durable webhook inbox of an app, looked at and repaired from the
/// shell (<c>--sqlite PATH</c> or <c>--postgres CONNECTION-STRING</c>).
/// </summary>
internal static class InboxCommand
{
    public static Command Create(CliConsole console)
    {
        var inbox = new Command("inbox", "The durable webhook inbox: list, show, replay or purge stored events, or print its schema for a DBA.");
        inbox.Subcommands.Add(List(console));
        inbox.Subcommands.Add(Show(console));
        inbox.Subcommands.Add(Replay(console));
        inbox.Subcommands.Add(Purge(console));
        inbox.Subcommands.Add(Schema(console));
        return inbox;
    }

    private static Command List(CliConsole console)
    {
        var state = new Option<string?>("--state") { Description = "Only events in this state." }.AcceptOnlyFromAmong("pending", "processing", "processed", "dead-letter");
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 50 };
        Option<bool> json = CommonOptions.Json();
        var command = new Command("list", "List stored events, newest first.") { state, limit, json };
        InboxTarget target = Target(command);
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<WebhookInboxEntry> entries = await Use(target, parse, s => s.ListAsync(ParseState(parse.GetValue(state)), Math.Max(1, parse.GetValue(limit)), ct));
            if (parse.GetValue(json))
            {
                console.WriteLine(InboxOutput.Json(entries, withBody: false));
            }
            else
            {
                foreach (WebhookInboxEntry entry in entries)
                {
                    console.WriteLine(InboxOutput.Line(entry));
                }

                WebhookInboxStats stats = await Use(target, parse, s => s.GetStatsAsync(ct));
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inbox: {stats.Pending} pending, {stats.Processing} processing, {stats.Processed} processed, {stats.DeadLetters} dead letters"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("event-id") { Description = "The event id, e.g. evt_..." };
        Option<bool> json = CommonOptions.Json();
        var command = new Command("show", "Show one stored event: its state, attempts, each failed attempt's error and its body.") { id, json };
        InboxTarget target = Target(command);
        command.SetAction(async (parse, ct) =>
        {
            WebhookInboxEntry entry = await Use(target, parse, s => s.GetAsync(parse.GetValue(id)!, ct))
                ?? throw new CliException($"no event '{parse.GetValue(id)}' in the inbox.");
            console.WriteLine(parse.GetValue(json) ? InboxOutput.Json(entry) : InboxOutput.Full(entry));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Replay(CliConsole console)
    {
        var id = new Argument<string?>("event-id") { Description = "The dead letter (or processed event) to run again.", Arity = ArgumentArity.ZeroOrOne };
        var deadLetters = new Option<bool>("--dead-letters") { Description = "Replay every dead letter (received since --since)." };
        Option<DateTimeOffset?> since = Time("--since", "With --dead-letters: only those received at or after this time (ISO 8601). Default: all.");
        Option<bool> json = CommonOptions.Json();
        var command = new Command("replay", "Run a dead letter again (after a fix): it becomes pending with its attempts reset; the app's processor runs it.") { id, deadLetters, since, json };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(id) is null) == !r.GetValue(deadLetters))
            {
                r.AddError("give either an event id or --dead-letters.");
            }
        });
        InboxTarget target = Target(command);
        command.SetAction(async (parse, ct) =>
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            int replayed;
            if (parse.GetValue(id) is { } eventId)
            {
                replayed = await Use(target, parse, s => s.ReplayAsync(eventId, now, ct)) ? 1
                    : throw new CliException($"'{eventId}' was not replayed: no such event, or it is pending or processing already.");
            }
            else
            {
                replayed = await Use(target, parse, s => s.ReplayDeadLettersAsync(parse.GetValue(since) ?? DateTimeOffset.MinValue, now, ct));
            }

            console.WriteLine(parse.GetValue(json) ? JsonText.Write(w => { w.WriteStartObject(); w.WriteNumber("replayed", replayed); w.WriteEndObject(); }) : $"replayed {replayed}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Purge(CliConsole console)
    {
        var what = new Option<string>("--state") { Description = "What to delete (pending and processing events are owed a run and cannot be purged).", Required = true }
            .AcceptOnlyFromAmong("processed", "dead-letter");
        Option<DateTimeOffset?> before = Time("--before", "Only those completed before this time (ISO 8601). Default: now.");
        Option<bool> json = CommonOptions.Json();
        var command = new Command("purge", "Delete processed events or dead letters.") { what, before, json };
        InboxTarget target = Target(command);
        command.SetAction(async (parse, ct) =>
        {
            int purged = await Use(target, parse, s => s.PurgeAsync(ParseState(parse.GetValue(what))!.Value, parse.GetValue(before) ?? DateTimeOffset.UtcNow, ct));
            console.WriteLine(parse.GetValue(json) ? JsonText.Write(w => { w.WriteStartObject(); w.WriteNumber("purged", purged); w.WriteEndObject(); }) : $"purged {purged}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Schema(CliConsole console)
    {
        var sqlite = new Option<bool>("--sqlite") { Description = "The SQLite dialect." };
        var postgres = new Option<bool>("--postgres") { Description = "The PostgreSQL dialect." };
        var command = new Command("schema", "Print the inbox's DDL (what the app creates at start-up unless CreateSchema is off), for a DBA to run.") { sqlite, postgres };
        command.Validators.Add(r =>
        {
            if (r.GetValue(sqlite) == r.GetValue(postgres))
            {
                r.AddError("give exactly one of --sqlite or --postgres.");
            }
        });
        command.SetAction(parse =>
        {
            console.WriteLine(parse.GetValue(sqlite) ? SqliteWebhookInboxStore.SchemaSql : PostgreSqlWebhookInboxStore.SchemaSql);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static InboxTarget Target(Command command)
    {
        InboxTarget target = InboxTarget.Create();
        target.AddTo(command);
        return target;
    }

    /// <summary>Opens the store, runs one call and closes it; a database that cannot be reached is one line, not a stack trace.</summary>
    private static async Task<T> Use<T>(InboxTarget target, ParseResult parse, Func<IWebhookInboxStore, Task<T>> call)
    {
        IWebhookInboxStore store = target.Open(parse);
        try
        {
            return await call(store).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new CliException($"the inbox could not be read: {ex.Message}");
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static WebhookInboxState? ParseState(string? state) => state switch
    {
        null => null,
        "pending" => WebhookInboxState.Pending,
        "processing" => WebhookInboxState.Processing,
        "processed" => WebhookInboxState.Processed,
        _ => WebhookInboxState.DeadLetter,
    };

    private static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
            {
                return time;
            }

            result.AddError($"{name} must be a time such as 2026-06-09T14:00:00Z (got '{text}').");
            return null;
        },
    };
}
