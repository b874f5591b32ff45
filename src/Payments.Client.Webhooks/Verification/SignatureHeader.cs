namespace Payments.Client.Webhooks.Verification;

/// <summary>
/// Parses <c>sha256=&lt;64 hex&gt;</c>: the prefix and the hex in either case, surrounding whitespace
/// ignored, nothing else accepted (no second signature, no missing prefix, no truncated digest).
/// </summary>
internal static class SignatureHeader
{
    public const int DigestBytes = 32;

    public static bool TryParse(ReadOnlySpan<char> header, Span<byte> digest)
    {
        ReadOnlySpan<char> value = header.Trim();
        if (value.Length != 7 + (DigestBytes * 2) || !value[..7].Equals("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ReadOnlySpan<char> hex = value[7..];
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
