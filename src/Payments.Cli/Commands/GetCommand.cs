using System.CommandLine;
using Payments.Client;
using Payments.Cli.Api;

namespace Payments.Cli.Commands;

/// <summary><c>payments get ch_...</c>: a charge as the API has it now.</summary>
internal static class GetCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("charge-id") { Description = "The charge id, e.g. ch_..." };
        Option<bool> json = CommonOptions.Json();
        var command = new Command("get", $"Read a charge from {ApiTarget.BaseAddressVariable} with {ApiTarget.ApiKeyVariable} (the record: reconcile with it).")
        {
            id, json,
        };
        command.SetAction((parse, cancellationToken) => ApiCall.RunAsync(
            console,
            "get",
            "v1",
            parse.GetValue(json),
            (target, ct) => target.Client.GetChargeAsync(parse.GetValue(id)!, ct),
            cancellationToken));
        return command;
    }
}
