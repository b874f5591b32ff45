namespace Payments.Cli.Tests;

public sealed class VerifyTests
{
    private const string Secret = "whsec_verify";
    private const string Body = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"data\":{\"id\":\"ch_1\",\"description\":\"Café\"}}";

    [Fact]
    public async Task A_matching_signature_exits_0()
    {
        CliResult result = await VerifyAsync(Tool.Utf8(Body), Sign(Tool.Utf8(Body)));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Signature matches.", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Uppercase_hex_matches_with_a_note()
    {
        string header = "sha256=" + Sign(Tool.Utf8(Body))["sha256=".Length..].ToUpperInvariant();

        CliResult result = await VerifyAsync(Tool.Utf8(Body), header);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("uppercase-hex", result.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string, string> Mismatches()
    {
        byte[] body = Tool.Utf8(Body);
        string good = Sign(body);
        string indented = JsonSerializer.Serialize(JsonDocument.Parse(Body).RootElement, new JsonSerializerOptions { WriteIndented = true });
        string escaped = Body.Replace("é", "\\u00E9", StringComparison.Ordinal);
        string multiLine = "{\n  \"id\": \"evt_1\",\n  \"type\": \"charge.succeeded\"\n}";
        return new TheoryData<string, byte[], string, string>
        {
            // cause, body the check sees, header, secret the check uses
            { "wrong-secret-or-altered-body", body, good, "whsec_do_not_print_me" },
            { "trailing-newline", Tool.Utf8(Body + "\n"), good, Secret },
            { "trailing-newline", Tool.Utf8(Body + "\r\n"), good, Secret },
            { "line-endings", Tool.Utf8(multiLine.Replace("\n", "\r\n", StringComparison.Ordinal)), Sign(Tool.Utf8(multiLine)), Secret },
            { "re-serialized", Tool.Utf8(indented), good, Secret },
            { "re-serialized", Tool.Utf8(escaped), good, Secret },
            { "re-encoded", Encoding.Latin1.GetBytes(Body), good, Secret },
            { "missing-prefix", body, good["sha256=".Length..], Secret },
            { "header-name-included", body, "X-Signature-256: " + good, Secret },
            { "secret-whitespace", body, good, Secret + "\n" },
            { "malformed-header", body, "sha1=abc", Secret },
        };
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task A_mismatch_exits_1_names_the_likely_cause_and_never_prints_the_secret(string cause, byte[] body, string header, string secret)
    {
        CliResult result = await VerifyAsync(body, header, secret);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"Likely cause ({cause})", result.Out, StringComparison.Ordinal);
        Assert.Equal($"payments: signature does not match ({cause})", Assert.Single(result.ErrorLines));
        Assert.DoesNotContain(secret, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_can_come_from_a_file()
    {
        string path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, Tool.Utf8(Body));
            CliResult result = await Tool.RunAsync(["verify", "--secret", Secret, "--signature", Sign(Tool.Utf8(Body)), "--body", path]);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_body_file_exits_2_with_one_line()
    {
        CliResult result = await Tool.RunAsync(["verify", "--secret", Secret, "--signature", "sha256=00", "--body", "/nonexistent/body.json"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read the body from /nonexistent/body.json", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_has_the_verdict_the_cause_and_the_expected_signature()
    {
        CliResult result = await Tool.RunAsync(["verify", "--secret", Secret, "--signature", Sign(Tool.Utf8(Body)), "--json"], stdin: Tool.Utf8(Body + "\n"));

        Assert.Equal(1, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("trailing-newline", json.RootElement.GetProperty("cause").GetString());
        Assert.Equal(Sign(Tool.Utf8(Body + "\n")), json.RootElement.GetProperty("expected_signature").GetString());
        Assert.Equal(Body.Length + 2, json.RootElement.GetProperty("body_bytes").GetInt32()); // "é" is two bytes, plus the newline
    }

    private static Task<CliResult> VerifyAsync(byte[] body, string header, string secret = Secret) =>
        Tool.RunAsync(["verify", "--secret", secret, "--signature", header], stdin: body);

    private static string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
}
