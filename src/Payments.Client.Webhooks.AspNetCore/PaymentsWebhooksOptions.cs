namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Settings of the webhook endpoint, bound from configuration (by convention <c>Payments:Webhooks</c>).
/// Read on every request through <c>IOptionsMonitor</c>, so a rotated secret applies without a restart.
/// </summary>
public sealed class PaymentsWebhooksOptions
{
    /// <summary>
    /// The signing secrets. During rotation list both the new and the old one: a signature made with
    /// either is accepted. At least one is required. Never logged.
    /// </summary>
    public IList<string> Secrets { get; set; } = [];

    /// <summary>
    /// Bodies larger than this are answered 413 unverified. Default 256 KiB, at most 64 MiB. Also set as the
    /// server's request body limit for this endpoint, so values above Kestrel's 30,000,000-byte default work.
    /// </summary>
    public int MaxBodyBytes { get; set; } = PaymentsWebhookReceiver.DefaultMaxBodyBytes;

    /// <summary>How long a handled event id is remembered, so a redelivery is answered 200 without running handlers again. Default 24 hours.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Describes the options without the secrets.</summary>
    public override string ToString() => $"PaymentsWebhooksOptions {{ Secrets = {Secrets.Count} set, MaxBodyBytes = {MaxBodyBytes}, DeduplicationWindow = {DeduplicationWindow} }}";
}
