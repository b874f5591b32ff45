namespace Payments.Client.Testing;

/// <summary>A registered webhook endpoint: every event is posted to <see cref="Url"/>, signed with <see cref="Secret"/>.</summary>
public sealed class WebhookSubscription
{
    internal WebhookSubscription(Uri url, string secret, HttpClient? http)
    {
        Url = url;
        Secret = secret;
        Http = http;
    }

    /// <summary>This subscription's own client when it was registered with a handler; null for the fake's default.</summary>
    internal HttpClient? Http { get; }

    /// <summary>Where events are posted.</summary>
    public Uri Url { get; }

    /// <summary>The HMAC-SHA256 key of the <c>X-Signature-256</c> header.</summary>
    public string Secret { get; }
}
