namespace Payments.Cli.Tests;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("Commands:", "--help")]
    [InlineData("--port", "fake", "--help")]
    [InlineData("--forward-to", "trigger", "--help")]
    [InlineData("--signature", "verify", "--help")]
    [InlineData("--amount", "charge", "--help")]
    [InlineData("<charge-id>", "get", "--help")]
    public async Task Help_is_everywhere_wins_over_missing_required_options_and_exits_0(string shows, params string[] args)
    {
        CliResult result = await Tool.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains(shows, result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("payments: Unrecognized command or argument 'nope'", "nope")]
    [InlineData("'--customer' is required", "charge", "--amount", "25", "--currency", "usd")]
    [InlineData("--faults must be SEED:RATE", "fake", "--faults", "banana")]
    [InlineData("--faults RATE must be between 0 and 1", "fake", "--faults", "1:2")]
    [InlineData("--port must be between 0 and 65535", "fake", "--port", "70000")]
    [InlineData("--webhook-url and --webhook-secret go together", "fake", "--webhook-url", "http://127.0.0.1:1/hook")]
    [InlineData("--webhook-url must be an absolute http:// or https:// URL", "fake", "--webhook-url", "ftp://x", "--webhook-secret", "s")]
    [InlineData("--api-key must start with sk_test_", "fake", "--api-key", "sk_live_nope")]
    [InlineData("Argument 'charge.refunded' not recognized", "trigger", "charge.refunded", "--forward-to", "http://127.0.0.1:1/", "--secret", "s")]
    [InlineData("--forward-to must be an absolute http:// or https:// URL", "trigger", "charge.succeeded", "--forward-to", "nowhere", "--secret", "s")]
    [InlineData("'v2'", "charge", "--amount", "25", "--currency", "usd", "--customer", "c", "--wire-format", "v2")]
    public async Task A_wrong_command_line_exits_2_with_one_line_on_stderr(string expected, params string[] args)
    {
        CliResult result = await Tool.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains(expected, line, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("payments: ", line, StringComparison.Ordinal);
        Assert.Contains("--help", line, StringComparison.Ordinal);
    }
}
