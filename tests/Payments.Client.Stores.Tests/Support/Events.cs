namespace Payments.Client.Stores.Tests.Support;

/// <summary>Charge events as the sender makes them: the body, its signature, a signed POST.</summary>
internal static class Events
{
    public const string Secret = "whsec_inbox_tests";

    public static byte[] Body(string id, DateTimeOffset createdAt, string type = "charge.succeeded") => Encoding.UTF8.GetBytes(
        $$"""{"id":"{{id}}","type":"{{type}}","created_at":"{{createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}","data":{"id":"ch_{{id}}","object":"charge","status":"succeeded","amount":2500,"currency":"usd"} }""");

    public static WebhookInboxDelivery Delivery(string id, DateTimeOffset receivedAt) =>
        new(id, "charge.succeeded", Body(id, receivedAt), receivedAt, TraceParent: null);

    public static string Sign(byte[] body, string secret = Secret) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();

    public static async Task<(int Status, string Body, string? RetryAfter)> PostAsync(HttpClient http, Uri endpoint, byte[] body, string? signature = null, string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, signature ?? Sign(body));
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), response.Headers.RetryAfter?.ToString());
    }
}
