using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Payments.Cli.Commands;

namespace Payments.Cli;

/// <summary>The command tree and the one place that turns parse errors and failures into exit codes.</summary>
internal static class PaymentsCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, bool handleSignals, CancellationToken cancellationToken)
    {
        ParseResult parse = Build(console).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            string command = string.Join(' ', parse.CommandResult.Command is RootCommand ? ["payments"] : new[] { "payments", parse.CommandResult.Command.Name });
            // An unknown word explains more than the "required command" error it also causes; and one line, always.
            ParseError error = parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))) ?? parse.Errors[0];
            string message = string.Join(' ', error.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            console.WriteErrorLine($"payments: {message} (see '{command} --help')");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // Ctrl+C and SIGTERM cancel the command's token (the fake then stops cleanly); only for the real process.
            ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(10) : null,
        };

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            console.WriteErrorLine($"payments: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteErrorLine("payments: cancelled");
            return ExitCodes.Failed;
        }
#pragma warning disable CA1031 // The tool's last line of defence: one line on stderr, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.WriteErrorLine($"payments: unexpected {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "The Payments API on your machine: a standalone fake API, signed test webhook events, signature diagnostics, charges, the webhook inbox.\n" +
            "Exit codes: 0 done, 1 the operation failed (API error, no signature match, non-2xx answer), 2 the command line is wrong.");
        root.Subcommands.Add(FakeCommand.Create(console));
        root.Subcommands.Add(TriggerCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        root.Subcommands.Add(ChargeCommand.Create(console));
        root.Subcommands.Add(GetCommand.Create(console));
        root.Subcommands.Add(InboxCommand.Create(console));
        root.Subcommands.Add(Journal.JournalCommand.Create(console));
        return root;
    }
}
