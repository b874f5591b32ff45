namespace Payments.Client.Testing;

/// <summary>How the fake delivers webhook events. The defaults are the contract's; tests shorten them.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>Retries after a failed first attempt (a non-2xx answer, a timeout, a refused connection). Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles per retry (1, 2, 4, 8, 16 s by default). On the fake's clock.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it counts as failed. Default 10 seconds, on the fake's clock.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a charge that succeeds or is declined at once also sends its event (<c>charge.succeeded</c>,
    /// <c>charge.failed</c>), as the contract says events are sent "when a charge reaches a terminal state".
    /// Default true; false sends events only for pending charges that settle.
    /// </summary>
    public bool NotifyImmediateOutcomes { get; set; } = true;

    /// <summary>
    /// The handler deliveries go through; null for a real loopback connection. Set it to deliver in memory,
    /// for example to an ASP.NET Core <c>TestServer</c>'s handler. Not disposed by the fake. Read once at start:
    /// for an app created later (<c>WebApplicationFactory</c>), pass its handler to
    /// <see cref="FakeWebhooks.Register(Uri, string, HttpMessageHandler)"/> instead.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }
}
