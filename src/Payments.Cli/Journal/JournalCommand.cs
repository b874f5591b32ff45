using System.CommandLine;
using Payments.Cli.Api;
using Payments.Cli.Commands;
using Payments.Client;

namespace Payments.Cli.Journal;

/// <summary>
/// <c>payments journal list|show|recover</c>: the charge journal of an app, read from its SQLite file or PostgreSQL
/// database, for an operator. <c>recover</c> runs one recovery pass against the real API (after an incident); the
/// outcome handlers stay the app's to run.
/// </summary>
internal static class JournalCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("journal", "The charge journal (issue 21): list and show journaled charges, or run one recovery pass.");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Recover(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        JournalStoreOptions store = new();
        Option<bool> json = CommonOptions.Json();
        var state = new Option<string>("--state")
        {
            Description = "Which charges: all, unresolved (intent or pending), pending, in-doubt, outcome-due.",
            DefaultValueFactory = _ => "unresolved",
        }.AcceptOnlyFromAmong("all", "unresolved", "pending", "in-doubt", "outcome-due");
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List journaled charges by state, newest first.") { state, limit, json };
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            ChargeJournalFilter filter = parse.GetValue(state) switch
            {
                "all" => ChargeJournalFilter.All,
                "pending" => ChargeJournalFilter.Pending,
                "in-doubt" => ChargeJournalFilter.InDoubt,
                "outcome-due" => ChargeJournalFilter.OutcomeDue,
                _ => ChargeJournalFilter.Unresolved,
            };
            int max = parse.GetValue(limit);
            if (max < 1)
            {
                throw new CliException("--limit must be at least 1", ExitCodes.Usage);
            }

            await using JournalStoreOptions.Opened journal = store.Open(parse);
            IReadOnlyList<ChargeJournalEntry> entries = await journal.RunAsync(j => j.ListAsync(filter, max, cancellationToken)).ConfigureAwait(false);
            JournalOutput.Write(console, entries, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        JournalStoreOptions store = new();
        Option<bool> json = CommonOptions.Json();
        var id = new Argument<string>("id") { Description = "An idempotency key, a merchant reference or a charge id." };
        var command = new Command("show", "Show the journaled charges with this key, merchant reference or charge id (exit 1 when none).") { id, json };
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using JournalStoreOptions.Opened journal = store.Open(parse);
            IReadOnlyList<ChargeJournalEntry> entries = await journal.RunAsync(j => j.FindAsync(parse.GetValue(id)!, cancellationToken)).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                throw new CliException($"no journaled charge has the key, merchant reference or charge id '{parse.GetValue(id)}'");
            }

            JournalOutput.Write(console, entries, parse.GetValue(json), detailed: true);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Recover(CliConsole console)
    {
        JournalStoreOptions store = new();
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "recover",
            $"Run one recovery pass against {ApiTarget.BaseAddressVariable} with {ApiTarget.ApiKeyVariable}: re-send unanswered intents inside the key window (same key, same body), report older ones in doubt, poll pending charges. Outcome handlers stay the app's.")
        {
            json,
        };
        store.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(console.Environment(ApiTarget.BaseAddressVariable)))
            {
                // A pass against a throwaway in-process fake would settle nothing real.
                throw new CliException($"recover sends to the real API: set {ApiTarget.BaseAddressVariable} and {ApiTarget.ApiKeyVariable}", ExitCodes.Usage);
            }

            ApiTarget target = await ApiTarget.OpenAsync(console, "v1", cancellationToken).ConfigureAwait(false);
            await using (target.ConfigureAwait(false))
            {
                await using JournalStoreOptions.Opened journal = store.Open(parse);
                ChargeJournalPass pass = await journal.RunAsync(j => j.RunOnceAsync(target.Client, cancellationToken)).ConfigureAwait(false);
                JournalOutput.Write(console, pass, parse.GetValue(json));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
