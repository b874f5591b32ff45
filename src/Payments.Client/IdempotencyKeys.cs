using System.Security.Cryptography;

namespace Payments.Client;

/// <summary>Creates and checks idempotency keys.</summary>
public static class IdempotencyKeys
{
    /// <summary>The longest key the API accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// A new key: 128 bits from a cryptographic random source, as 32 lowercase hex characters. Create it
    /// before charging and persist it with your order when you need to retry after a crash of your own process.
    /// </summary>
    /// <returns>The key.</returns>
    public static string Create()
    {
        return string.Create(32, 0, static (chars, _) =>
        {
            Span<byte> bytes = stackalloc byte[16];
            RandomNumberGenerator.Fill(bytes);
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
                chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }
        });
    }

    internal static void ThrowIfInvalid(string key)
    {
        if (key.Length == 0 || key.Length > MaxLength)
        {
            throw new ArgumentException($"The idempotency key is {key.Length} characters long; it must be 1 to {MaxLength}.", nameof(key));
        }

        foreach (char c in key)
        {
            if (c is < '!' or > '~')
            {
                throw new ArgumentException("The idempotency key may contain only visible ASCII characters (no spaces or control characters): it is sent as a header.", nameof(key));
            }
        }
    }
}
