namespace Payments.Client.Testing.Tests.Support;

/// <summary>Plain HTTP against the fake, to check the wire itself rather than what the SDK makes of it.</summary>
internal sealed class RawApi : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly FakePaymentsApi _api;

    public RawApi(FakePaymentsApi api) => _api = api;

    public static string V1Body(
        string key,
        long amount = 2500,
        string currency = "usd",
        string customer = TestCustomers.Default,
        string paymentMethod = TestPaymentMethods.Succeeds,
        string? metadataJson = null) =>
        $$"""{"amount":{{amount}},"currency":"{{currency}}","customer_id":"{{customer}}","payment_method_id":"{{paymentMethod}}","idempotency_key":"{{key}}"{{(metadataJson is null ? "" : ",\"metadata\":" + metadataJson)}}}""";

    public Task<RawResponse> ChargeV1Async(string key, long amount = 2500, string currency = "usd", string customer = TestCustomers.Default, string paymentMethod = TestPaymentMethods.Succeeds, string? metadataJson = null, CancellationToken cancellationToken = default) =>
        PostAsync(V1Body(key, amount, currency, customer, paymentMethod, metadataJson), key, cancellationToken: cancellationToken);

    public async Task<RawResponse> PostAsync(string json, string? idempotencyKey, string? apiKey = "", string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api.BaseAddress, "payments/charge"))
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        Authorize(request, apiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await SendAsync(request, cancellationToken);
    }

    public async Task<RawResponse> GetAsync(string chargeId, string? apiKey = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_api.BaseAddress, "payments/charges/" + chargeId));
        Authorize(request, apiKey);
        return await SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private void Authorize(HttpRequestMessage request, string? apiKey)
    {
        // "" means "the fake's key"; null sends no header at all.
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (apiKey.Length == 0 ? _api.ApiKey : apiKey));
        }
    }

    private async Task<RawResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new RawResponse((int)response.StatusCode, body, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }
}

internal sealed record RawResponse(int Status, string Body, HttpResponseHeaders Headers, string? MediaType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? ErrorCode => Json.GetProperty("error").GetProperty("code").GetString();

    public string? Header(string name) => Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) : null;
}
