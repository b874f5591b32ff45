using Payments.Client.Webhooks.Parsing;

namespace Payments.Client.Webhooks;

/// <summary>
/// The one way to turn a webhook request into an event: checks the size, verifies the signature over
/// the raw bytes, and only then parses. Thread-safe and immutable; build it once per set of secrets.
/// </summary>
/// <example>
/// <code>
/// var receiver = new PaymentsWebhookReceiver(["whsec_current", "whsec_previous"]);
/// PaymentsEvent evt = receiver.VerifyAndParse(bodyBytes, request.Headers["X-Signature-256"]);
/// </code>
/// </example>
public sealed class PaymentsWebhookReceiver
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeaderName = WebhookSignature.HeaderName;

    /// <summary>The default body limit: 256 KiB, far above any charge event.</summary>
    public const int DefaultMaxBodyBytes = 256 * 1024;

    private readonly WebhookSignatureVerifier _verifier;

    /// <summary>Creates a receiver.</summary>
    /// <param name="secrets">One or more signing secrets; several during rotation.</param>
    /// <param name="maxBodyBytes">Bodies larger than this are rejected unread. Default 256 KiB.</param>
    /// <exception cref="ArgumentException">No secret, an empty secret, or a non-positive limit.</exception>
    public PaymentsWebhookReceiver(IEnumerable<string> secrets, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBodyBytes, 1);
        _verifier = new WebhookSignatureVerifier(secrets);
        MaxBodyBytes = maxBodyBytes;
    }

    /// <summary>Bodies larger than this are rejected without being verified or parsed.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>Verifies the signature of <paramref name="body"/>, then parses it into a typed event.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-Signature-256</c> header value, or null when absent.</param>
    /// <returns>A <see cref="ChargeSucceededEvent"/>, <see cref="ChargeFailedEvent"/> or <see cref="UnknownPaymentsEvent"/>.</returns>
    /// <exception cref="WebhookVerificationException">The body is too large, the signature is missing, malformed or wrong, or the verified body is not an event; <see cref="WebhookVerificationException.Reason"/> says which.</exception>
    public PaymentsEvent VerifyAndParse(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (body.Length > MaxBodyBytes)
        {
            throw new WebhookVerificationException(WebhookFailureReason.BodyTooLarge, $"The webhook body is {body.Length} bytes; the limit is {MaxBodyBytes}.");
        }

        _verifier.Verify(body, signatureHeader);
        return EventJsonReader.Read(body);
    }
}
