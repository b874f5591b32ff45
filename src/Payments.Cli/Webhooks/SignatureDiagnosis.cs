using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Payments.Client.Webhooks;

namespace Payments.Cli.Webhooks;

/// <summary>The verdict on one signature, and when it does not match, the variant that would have.</summary>
internal sealed record Diagnosis(bool Valid, string Cause, string Explanation, string Expected, int VariantsChecked);

/// <summary>
/// Verifies with the SDK's own verifier, then, on a mismatch, tries the usual ways a body, header or secret
/// gets altered between the sender and the check. The first variant that matches names the likely cause.
/// </summary>
internal static class SignatureDiagnosis
{
    public static Diagnosis Diagnose(byte[] body, string secret, string header)
    {
        string expected = WebhookSignature.Sign(secret, body);
        var verifier = new WebhookSignatureVerifier([secret]);
        if (verifier.IsValid(body, header))
        {
            return HasUppercaseHex(header)
                ? new Diagnosis(true, "uppercase-hex", "The signature matches, but its hex is uppercase. This SDK accepts either case; the contract sends lowercase, and a receiver comparing strings would reject it.", expected, 0)
                : new Diagnosis(true, "match", "The signature matches.", expected, 0);
        }

        int checkedCount = 0;
        foreach ((string cause, string explanation, string candidate) in HeaderRepairs(header))
        {
            checkedCount++;
            if (verifier.IsValid(body, candidate))
            {
                return new Diagnosis(false, cause, explanation, expected, checkedCount);
            }
        }

        foreach ((string cause, string explanation, byte[] variant) in BodyVariants(body))
        {
            checkedCount++;
            if (verifier.IsValid(variant, header) || HeaderRepairs(header).Any(h => verifier.IsValid(variant, h.Header)))
            {
                return new Diagnosis(false, cause, explanation, expected, checkedCount);
            }
        }

        foreach ((string cause, string explanation, string variant) in SecretVariants(secret))
        {
            checkedCount++;
            if (new WebhookSignatureVerifier([variant]).IsValid(body, header))
            {
                return new Diagnosis(false, cause, explanation, expected, checkedCount);
            }
        }

        return IsWellFormed(header)
            ? new Diagnosis(false, "wrong-secret-or-altered-body", "No altered body, header or secret matches: most likely the secret is not the one the sender signs with (check which endpoint's secret you configured), or the body was changed in a way not recognised.", expected, checkedCount)
            : new Diagnosis(false, "malformed-header", $"The header is not '{WebhookSignature.Prefix}' followed by 64 hex characters, and no usual repair of it matches.", expected, checkedCount);
    }

    private static IEnumerable<(string Cause, string Explanation, string Header)> HeaderRepairs(string header)
    {
        string trimmed = header.Trim().Trim('"', '\'').Trim();
        if (trimmed.StartsWith(PaymentsWebhookReceiver.SignatureHeaderName + ":", StringComparison.OrdinalIgnoreCase))
        {
            yield return ("header-name-included", "The value includes the header's name: pass only what follows 'X-Signature-256:'.", trimmed[(PaymentsWebhookReceiver.SignatureHeaderName.Length + 1)..].Trim());
        }

        if (trimmed.Length == 64 && trimmed.All(char.IsAsciiHexDigit))
        {
            yield return ("missing-prefix", $"The header has the right digest but no '{WebhookSignature.Prefix}' prefix; the contract's header is '{WebhookSignature.Prefix}<hex>'.", WebhookSignature.Prefix + trimmed);
        }

        foreach (string part in trimmed.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            yield return ("several-signatures", "The header holds several values and one of them matches: send exactly one 'sha256=<hex>'.", part);
        }

        if (trimmed.StartsWith(WebhookSignature.Prefix, StringComparison.OrdinalIgnoreCase) && TryBase64Digest(trimmed[WebhookSignature.Prefix.Length..], out string? hex))
        {
            yield return ("base64-digest", "The digest is base64; the contract's is lowercase hex.", WebhookSignature.Prefix + hex);
        }
    }

    private static IEnumerable<(string Cause, string Explanation, byte[] Body)> BodyVariants(byte[] body)
    {
        const string rawBody = " Verify the raw request body exactly as received, before any parsing or re-serialization.";
        if (body.AsSpan().EndsWith("\r\n"u8))
        {
            yield return ("trailing-newline", "Your body ends with a CRLF the signed bytes do not have (an editor, echo or a framework added it)." + rawBody, body[..^2]);
        }

        if (body.AsSpan().EndsWith("\n"u8))
        {
            yield return ("trailing-newline", "Your body ends with a newline the signed bytes do not have (an editor, echo or a framework added it)." + rawBody, body[..^1]);
        }
        else
        {
            yield return ("trailing-newline", "The signed bytes end with a newline yours do not have (it was trimmed)." + rawBody, [.. body, (byte)'\n']);
        }

        if (body.AsSpan().IndexOf("\r\n"u8) >= 0)
        {
            yield return ("line-endings", "Your body has CRLF line endings where the signed bytes have LF (a checkout, copy or transfer converted them)." + rawBody, Replace(body, "\r\n", "\n"));
        }
        else if (body.AsSpan().IndexOf((byte)'\n') >= 0)
        {
            yield return ("line-endings", "Your body has LF line endings where the signed bytes have CRLF." + rawBody, Replace(body, "\n", "\r\n"));
        }

        if (body.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            yield return ("byte-order-mark", "Your body starts with a UTF-8 byte order mark the signed bytes do not have." + rawBody, body[3..]);
        }

        if (body.AsSpan().Trim(" \t\r\n"u8).Length != body.Length)
        {
            yield return ("whitespace", "Your body has surrounding whitespace the signed bytes do not have." + rawBody, body.AsSpan().Trim(" \t\r\n"u8).ToArray());
        }

        foreach ((string how, byte[] variant) in Reserialized(body))
        {
            yield return ("re-serialized", $"The signed bytes are the same JSON written differently ({how}): the body was parsed and written again before the check." + rawBody, variant);
        }

        if (TryReencode(body, Encoding.UTF8, Encoding.Latin1, out byte[]? latin1))
        {
            yield return ("re-encoded", "The signed bytes are the same text in Latin-1 instead of UTF-8: the body was decoded and re-encoded." + rawBody, latin1!);
        }

        if (TryReencode(body, Encoding.Latin1, Encoding.UTF8, out byte[]? utf8))
        {
            yield return ("re-encoded", "The signed bytes are UTF-8 where yours were read as Latin-1 and written again: the body was decoded with the wrong encoding." + rawBody, utf8!);
        }
    }

    private static IEnumerable<(string Cause, string Explanation, string Secret)> SecretVariants(string secret)
    {
        if (secret.Trim() != secret)
        {
            yield return ("secret-whitespace", "The secret you gave has surrounding whitespace (often a trailing newline from a file); the sender signs with it trimmed.", secret.Trim());
        }

        if (secret.StartsWith("whsec_", StringComparison.Ordinal))
        {
            yield return ("secret-prefix", "The sender signs with the secret without its 'whsec_' prefix.", secret["whsec_".Length..]);
        }
        else
        {
            yield return ("secret-prefix", "The sender signs with the secret including a 'whsec_' prefix: configure the whole value.", "whsec_" + secret);
        }
    }

    private static IEnumerable<(string How, byte[] Body)> Reserialized(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? body.AsMemory(3) : body.AsMemory());
        }
        catch (JsonException)
        {
            yield break;
        }

        using (document)
        {
            yield return ("compact", Serialize(document, indented: false, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
            yield return ("compact, non-ASCII escaped as \\uXXXX", Serialize(document, indented: false, JavaScriptEncoder.Default));
            yield return ("indented", Serialize(document, indented: true, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
            yield return ("indented, non-ASCII escaped as \\uXXXX", Serialize(document, indented: true, JavaScriptEncoder.Default));
        }
    }

    private static byte[] Serialize(JsonDocument document, bool indented, JavaScriptEncoder encoder)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = encoder }))
        {
            document.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryReencode(byte[] body, Encoding from, Encoding to, out byte[]? result)
    {
        result = null;
        if (body.All(b => b < 0x80))
        {
            return false;
        }

        try
        {
            string text = Encoding.GetEncoding(from.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(body);
            result = Encoding.GetEncoding(to.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static byte[] Replace(byte[] body, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(from, to, StringComparison.Ordinal));

    private static bool TryBase64Digest(string text, out string? hex)
    {
        hex = null;
        Span<byte> digest = stackalloc byte[33];
        if (Convert.TryFromBase64String(text.Trim(), digest, out int written) && written == 32)
        {
            hex = Convert.ToHexStringLower(digest[..32]);
            return true;
        }

        return false;
    }

    private static bool IsWellFormed(string header) => WebhookSignature.TryParse(header, stackalloc byte[WebhookSignature.DigestBytes]);

    private static bool HasUppercaseHex(string header)
    {
        string value = header.Trim();
        return value.Length > WebhookSignature.Prefix.Length && value[WebhookSignature.Prefix.Length..].Any(char.IsAsciiLetterUpper);
    }
}
