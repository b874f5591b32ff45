using System.Security.Cryptography;
using System.Text;

namespace Payments.Client.Testing.Webhooks;

/// <summary><c>sha256=</c> + lowercase hex of HMAC-SHA256(secret, exact body bytes), as the contract specifies.</summary>
internal static class WebhookSigner
{
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();
}
