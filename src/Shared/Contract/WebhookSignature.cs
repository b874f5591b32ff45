using System.Security.Cryptography;
using System.Text;

namespace Payments.Client.Contract;

/// <summary>
/// The webhook signature scheme (README "Webhooks"): header <c>X-Signature-256: sha256=&lt;lowercase hex of
/// HMAC-SHA256(secret, raw body bytes)&gt;</c>. The verifier parses with <see cref="TryParse"/>; the fake,
/// <c>WebhookSigner</c> and the tool sign with <see cref="Sign(string, ReadOnlySpan{byte})"/>.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-Signature-256";
    public const string Prefix = "sha256=";
    public const int DigestBytes = 32;

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[DigestBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, digest);
        return Prefix + Convert.ToHexString(digest).ToLowerInvariant();
    }

    /// <summary>
    /// Parses <c>sha256=&lt;64 hex&gt;</c>: the prefix and the hex in either case, surrounding whitespace ignored,
    /// nothing else accepted (no second signature, no missing prefix, no truncated digest).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> header, Span<byte> digest)
    {
        ReadOnlySpan<char> value = header.Trim();
        if (value.Length != Prefix.Length + (DigestBytes * 2) || !value[..Prefix.Length].Equals(Prefix.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ReadOnlySpan<char> hex = value[Prefix.Length..];
        for (int i = 0; i < DigestBytes; i++)
        {
            int high = Nibble(hex[2 * i]);
            int low = Nibble(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            digest[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
