using System.Security.Cryptography;
using System.Text;

namespace Payments.Client.Journal;

/// <summary>SHA-256 over the key, a zero byte and the body, in lowercase hex: a row edited by hand, cut short or written by something else does not match, and is never re-sent.</summary>
internal static class JournalChecksum
{
    public static string Compute(string idempotencyKey, ReadOnlySpan<byte> body)
    {
        byte[] buffer = new byte[Encoding.UTF8.GetByteCount(idempotencyKey) + 1 + body.Length];
        int keyLength = Encoding.UTF8.GetBytes(idempotencyKey, 0, idempotencyKey.Length, buffer, 0);
        body.CopyTo(buffer.AsSpan(keyLength + 1));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer, hash);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    public static bool Matches(ChargeJournalEntry entry) =>
        string.Equals(entry.Checksum, Compute(entry.IdempotencyKey, entry.Body.Span), StringComparison.Ordinal);
}
