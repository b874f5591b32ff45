using System.Text;

namespace Payments.Client.Testing;

/// <summary>
/// Signs a webhook body the way the Payments API does, for tests of your own webhook endpoint: post the body
/// with <c>X-Signature-256: {Sign(body, secret)}</c> and your endpoint verifies it as a real delivery.
/// </summary>
/// <example>
/// <code>
/// using var post = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payments") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
/// post.Headers.Add(WebhookSigner.HeaderName, WebhookSigner.Sign(body, secret));
/// </code>
/// </example>
public static class WebhookSigner
{
    /// <summary>The header that carries the signature: <c>X-Signature-256</c>.</summary>
    public const string HeaderName = WebhookSignature.HeaderName;

    /// <summary>The header value for <paramref name="body"/>: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact bytes.</summary>
    /// <param name="body">The exact bytes that will be posted; any change (even whitespace) invalidates the signature.</param>
    /// <param name="secret">The endpoint's signing secret.</param>
    /// <returns>The value of the <see cref="HeaderName"/> header.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return WebhookSignature.Sign(secret, body);
    }

    /// <summary>The header value for a body posted as UTF-8 text.</summary>
    /// <param name="body">The exact text that will be posted, as UTF-8.</param>
    /// <param name="secret">The endpoint's signing secret.</param>
    /// <returns>The value of the <see cref="HeaderName"/> header.</returns>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or empty.</exception>
    public static string Sign(string body, string secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Sign(Encoding.UTF8.GetBytes(body), secret);
    }
}
