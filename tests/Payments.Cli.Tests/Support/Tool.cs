namespace Payments.Cli.Tests.Support;

/// <summary>What one in-process run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the tool in-process with captured stdout, stderr, stdin and environment, under a deadline.</summary>
internal static class Tool
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, byte[]? stdin = null, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(
            output,
            error,
            () => new MemoryStream(stdin ?? []),
            name => environment is not null && environment.TryGetValue(name, out string? value) ? value : null);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        int exit = await PaymentsCli.RunAsync(args, console, handleSignals: false, deadline.Token).WaitAsync(Deadline + TimeSpan.FromSeconds(5), CancellationToken.None);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, null);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
