using System.Security.Cryptography;
using System.Text;

namespace Payments.Client.Webhooks;

/// <summary>
/// Checks <c>X-Signature-256: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c> against one or more
/// secrets (several during rotation: a signature made with any of them is accepted). Constant-time
/// comparison; no allocation on the success path. Thread-safe and immutable.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    private readonly byte[][] _keys;

    /// <summary>Creates a verifier for the given secrets (their UTF-8 bytes are the HMAC keys).</summary>
    /// <param name="secrets">One or more webhook signing secrets.</param>
    /// <exception cref="ArgumentException">No secret, or an empty one, was given.</exception>
    public WebhookSignatureVerifier(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _keys = secrets.Select(secret => string.IsNullOrEmpty(secret)
            ? throw new ArgumentException("A webhook secret is empty.", nameof(secrets))
            : Encoding.UTF8.GetBytes(secret)).ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("At least one webhook secret is required.", nameof(secrets));
        }
    }

    /// <summary>Whether <paramref name="signatureHeader"/> is a valid signature of <paramref name="body"/> under any configured secret.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-Signature-256</c> header value.</param>
    /// <returns><see langword="true"/> when it matches; <see langword="false"/> when it is malformed or matches no secret.</returns>
    public bool IsValid(ReadOnlySpan<byte> body, ReadOnlySpan<char> signatureHeader) => Check(body, signatureHeader) is null;

    /// <summary>Throws unless <paramref name="signatureHeader"/> is a valid signature of <paramref name="body"/>.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-Signature-256</c> header value, or null when absent.</param>
    /// <exception cref="WebhookVerificationException">Missing, malformed or mismatched signature.</exception>
    public void Verify(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (signatureHeader is null)
        {
            throw new WebhookVerificationException(WebhookFailureReason.MissingSignature, "The webhook has no X-Signature-256 header.");
        }

        if (Check(body, signatureHeader) is { } reason)
        {
            throw new WebhookVerificationException(reason, reason == WebhookFailureReason.MalformedSignature
                ? "The X-Signature-256 header is not 'sha256=' followed by 64 hex characters."
                : "The X-Signature-256 signature matches none of the configured webhook secrets (wrong secret or altered body).");
        }
    }

    private WebhookFailureReason? Check(ReadOnlySpan<byte> body, ReadOnlySpan<char> signatureHeader)
    {
        Span<byte> expected = stackalloc byte[WebhookSignature.DigestBytes];
        if (!WebhookSignature.TryParse(signatureHeader, expected))
        {
            return WebhookFailureReason.MalformedSignature;
        }

        Span<byte> actual = stackalloc byte[WebhookSignature.DigestBytes];
        bool matched = false;
        foreach (byte[] key in _keys)
        {
            HMACSHA256.HashData(key, body, actual);

            // Every secret is tried, so the time taken does not say which one matched.
            matched |= CryptographicOperations.FixedTimeEquals(actual, expected);
        }

        return matched ? null : WebhookFailureReason.SignatureMismatch;
    }
}
