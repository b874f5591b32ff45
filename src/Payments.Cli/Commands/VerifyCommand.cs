using System.CommandLine;
using Payments.Cli.Output;
using Payments.Cli.Webhooks;

namespace Payments.Cli.Commands;

/// <summary><c>payments verify</c>: does this signature match this body and secret, and if not, why not.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var secret = new Option<string>("--secret") { Description = "The webhook signing secret.", Required = true };
        var signature = new Option<string>("--signature") { Description = "The X-Signature-256 header value, e.g. sha256=3f1c...", Required = true };
        var body = new Option<string>("--body") { Description = "A file holding the raw body, or - for stdin.", DefaultValueFactory = _ => "-" };
        Option<bool> json = CommonOptions.Json();
        var command = new Command("verify", "Check a webhook signature; on a mismatch, name the likely cause (wrong secret, re-serialized or re-encoded body, trailing newline, header without sha256=, ...).")
        {
            secret, signature, body, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            byte[] bytes = await ReadBodyAsync(console, parse.GetValue(body)!, cancellationToken).ConfigureAwait(false);
            Diagnosis diagnosis = SignatureDiagnosis.Diagnose(bytes, parse.GetValue(secret)!, parse.GetValue(signature)!);
            Print(console, diagnosis, bytes.Length, parse.GetValue(json));
            if (!diagnosis.Valid)
            {
                throw new CliException($"signature does not match ({diagnosis.Cause})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<byte[]> ReadBodyAsync(CliConsole console, string source, CancellationToken cancellationToken)
    {
        try
        {
            if (source == "-")
            {
                await using Stream input = console.OpenInput();
                using var copy = new MemoryStream();
                await input.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                return copy.ToArray();
            }

            return await File.ReadAllBytesAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the body from {(source == "-" ? "stdin" : source)}: {e.Message}", ExitCodes.Usage);
        }
    }

    private static void Print(CliConsole console, Diagnosis diagnosis, int length, bool json)
    {
        if (json)
        {
            console.WriteLine(JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("valid", diagnosis.Valid);
                writer.WriteString("cause", diagnosis.Cause);
                writer.WriteString("explanation", diagnosis.Explanation);
                writer.WriteString("expected_signature", diagnosis.Expected);
                writer.WriteNumber("body_bytes", length);
                writer.WriteNumber("variants_checked", diagnosis.VariantsChecked);
                writer.WriteEndObject();
            }));
            return;
        }

        console.WriteLine(diagnosis.Valid ? "Signature matches." : "Signature does NOT match.");
        if (diagnosis.Cause != "match")
        {
            console.WriteLine($"{(diagnosis.Valid ? "Note" : "Likely cause")} ({diagnosis.Cause}): {diagnosis.Explanation}");
        }

        console.WriteLine($"Expected for these {length} bytes and this secret: {diagnosis.Expected}");
        if (!diagnosis.Valid)
        {
            console.WriteLine($"Checked {diagnosis.VariantsChecked} variant(s) of the header, body and secret.");
        }
    }
}
