namespace Payments.Client.Webhooks.Tests;

/// <summary>Posts to the endpoint of a <see cref="WebhookTestHost"/> the way a sender does, or doesn't.</summary>
internal static class EndpointRequests
{
    public static Task<HttpResponseMessage> PostAsync(this WebhookTestHost host, byte[] body, string? signature, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.Endpoint) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, signature);
        }

        return host.Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(this WebhookTestHost host, string json, string secret = Vectors.Current)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        return host.PostAsync(body, ReceiverTests.Sign(body, secret));
    }
}
