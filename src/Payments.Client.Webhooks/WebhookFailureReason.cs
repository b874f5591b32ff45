namespace Payments.Client.Webhooks;

/// <summary>Why a webhook was rejected.</summary>
public enum WebhookFailureReason
{
    /// <summary>No <c>X-Signature-256</c> header.</summary>
    MissingSignature = 1,

    /// <summary>The header is not <c>sha256=</c> followed by exactly 64 hex characters.</summary>
    MalformedSignature = 2,

    /// <summary>The signature matches none of the configured secrets: wrong secret or tampered body.</summary>
    SignatureMismatch = 3,

    /// <summary>The body is larger than the configured limit; it was not verified.</summary>
    BodyTooLarge = 4,

    /// <summary>The signature is valid but the body is not a webhook event (not valid UTF-8 throughout, malformed JSON, no type, a charge event without a charge).</summary>
    MalformedPayload = 5,
}
