namespace Payments.Cli;

/// <summary>The `payments` tool: see `payments --help`, and README.md "Local development".</summary>
internal static class Program
{
    // An explicit internal entry point: top-level statements would make a public Program (the ASP.NET Core generator
    // does), and a tool has no public API.
    public static Task<int> Main(string[] args) =>
        PaymentsCli.RunAsync(args, CliConsole.FromProcess(), handleSignals: true, CancellationToken.None);
}
