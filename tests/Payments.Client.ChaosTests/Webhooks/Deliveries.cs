namespace Payments.Client.ChaosTests.Webhooks;

/// <summary>Hand-made, correctly signed deliveries, as a sender that retries and reorders would make them.</summary>
internal static class Deliveries
{
    public static byte[] Event(string id, string type, string chargeId, DateTimeOffset createdAt)
    {
        string status = type == "charge.failed" ? "failed" : "succeeded";
        string created = createdAt.ToString("O", CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetBytes(
            $$"""{"id":"{{id}}","type":"{{type}}","created_at":"{{created}}","data":{"id":"{{chargeId}}","object":"charge","status":"{{status}}","amount":2500,"currency":"usd"} }""");
    }

    public static Task<int> PostAsync(HttpClient http, Uri endpoint, byte[] body) => PostAsync(http, endpoint, body, Signing.Sign(body));

    /// <summary>Posts <paramref name="body"/> with <paramref name="signature"/> as its signature header, or with none when it is null.</summary>
    public static async Task<int> PostAsync(HttpClient http, Uri endpoint, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, signature);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
