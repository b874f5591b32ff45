using System.Security.Cryptography;
using System.Text;

namespace Payments.Cli.Webhooks;

/// <summary>The contract's signature: <c>sha256=</c> + lowercase hex HMAC-SHA256(secret, exact body bytes).</summary>
internal static class Signature
{
    public static string Sign(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    public static string Sign(string secret, ReadOnlySpan<byte> body) => Sign(Encoding.UTF8.GetBytes(secret), body);
}
