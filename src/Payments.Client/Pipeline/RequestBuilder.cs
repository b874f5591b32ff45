namespace Payments.Client.Pipeline;

/// <summary>
/// Builds a fresh request per attempt (a re-sent request's content would go out empty), carrying the
/// call's one idempotency key, the API key and the same body bytes.
/// </summary>
internal sealed class RequestBuilder
{
    private static readonly string UserAgent = $"Payments.Client/{Diagnostics.PaymentsTelemetry.Version} (.NET {Environment.Version.ToString(2)})";

    private readonly string _authorization;

    public RequestBuilder(string apiKey)
    {
        _authorization = "Bearer " + apiKey;
    }

    public HttpRequestMessage Build(CallState call)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (call.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", call.IdempotencyKey);
        }

        if (!call.Body.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(call.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }

        return request;
    }
}
