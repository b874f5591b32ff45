using System.Buffers.Binary;
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
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return ToHex(bytes);
    }

    /// <summary>32 lowercase hex characters for 16 bytes, in one allocation.</summary>
    internal static string ToHex(ReadOnlySpan<byte> bytes) =>
        string.Create(32, (High: BinaryPrimitives.ReadUInt64BigEndian(bytes), Low: BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])), static (chars, value) =>
        {
            for (int i = 0; i < 16; i++)
            {
                chars[15 - i] = "0123456789abcdef"[(int)((value.High >> (4 * i)) & 0xF)];
                chars[31 - i] = "0123456789abcdef"[(int)((value.Low >> (4 * i)) & 0xF)];
            }
        });

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
