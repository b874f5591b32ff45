namespace Payments.Client.Webhooks;

/// <summary>A webhook was rejected. The message names the problem; it never contains the body or a secret.</summary>
public sealed class WebhookVerificationException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">Why the webhook was rejected.</param>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it, if any.</param>
    public WebhookVerificationException(WebhookFailureReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the webhook was rejected.</summary>
    public WebhookFailureReason Reason { get; }
}
