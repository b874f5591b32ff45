using System.Security.Cryptography;
using System.Text;

namespace Payments.Client.Pipeline;

/// <summary>
/// Names an API key without revealing it: shared state (a Redis rate-limit bucket) is keyed by this, never by the
/// key. API keys are long random secrets, so a truncated SHA-256 cannot be reversed or guessed from.
/// </summary>
internal static class KeyFingerprint
{
    public static string Of(string apiKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(apiKey), hash);
        return Convert.ToHexString(hash[..16]);
    }
}
