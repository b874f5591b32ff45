using System.Text.Json;

namespace Payments.Client.Contract;

/// <summary>
/// Property-name matching that treats <c>customer_id</c>, <c>customerId</c> and <c>CustomerID</c> as one
/// name, so both wire formats are read by one reader without allocating the name.
/// </summary>
internal static class JsonName
{
    private const int MaxLength = 64;

    /// <summary>Writes the current property name, lowercased and without underscores, into <paramref name="buffer"/>.</summary>
    /// <returns>The normalized name's length; 0 for names too long to be one of ours.</returns>
    public static int Normalize(ref Utf8JsonReader reader, scoped Span<byte> buffer)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
        {
            return NormalizeSlow(ref reader, buffer);
        }

        return NormalizeAscii(reader.ValueSpan, buffer);
    }

    private static int NormalizeAscii(scoped ReadOnlySpan<byte> name, scoped Span<byte> buffer)
    {
        int length = 0;
        foreach (byte b in name)
        {
            if (b == (byte)'_')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return 0;
            }

            buffer[length++] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        return length;
    }

    private static int NormalizeSlow(ref Utf8JsonReader reader, scoped Span<byte> buffer)
    {
        string name = JsonValues.GetString(ref reader);
        if (name.Length > MaxLength * 2)
        {
            return 0;
        }

        Span<byte> utf8 = stackalloc byte[MaxLength * 2 * 3];
        int written = System.Text.Encoding.UTF8.GetBytes(name, utf8);
        return NormalizeAscii(utf8[..written], buffer);
    }
}
