using System.CommandLine;

namespace Payments.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write machine-readable JSON to stdout instead of text (errors still get one line on stderr).",
    };

    public static Option<string> WireFormat(string description) => new Option<string>("--wire-format")
    {
        Description = description,
        DefaultValueFactory = _ => "v1",
    }.AcceptOnlyFromAmong("v1", "enveloped");
}
