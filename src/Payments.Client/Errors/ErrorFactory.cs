using System.Text;
using Payments.Client.Serialization;

namespace Payments.Client;

/// <summary>Turns a failed response, or the absence of one, into the one exception kind that fits.</summary>
internal static class ErrorFactory
{
    /// <summary>The kind comes from the documented status; an undocumented status falls back to the error code.</summary>
    public static PaymentsException FromResponse(int status, ApiError? error, string? requestId, string? idempotencyKey, TimeSpan? retryAfter, int attempts)
    {
        string kind = KindOf(status, error?.Code);
        string message = Describe(Title(kind, status), status, error, requestId, idempotencyKey, retryAfter, attempts);
        PaymentsException exception = kind switch
        {
            "invalid" => new InvalidRequestException(message),
            "auth" => new AuthenticationFailedException(message),
            "declined" => new CardDeclinedException(message)
            {
                FailureReason = string.IsNullOrEmpty(error?.FailureReason) ? null : new FailureReason(error.FailureReason),
            },
            "notfound" => new NotFoundException(message),
            "conflict" => new IdempotencyConflictException(message),
            "unprocessable" => new UnprocessableRequestException(message),
            "ratelimited" => new RateLimitedException(message),
            "server" => new ServerErrorException(message),
            _ => new PaymentsException(message),
        };

        return exception.With(status, error, requestId, idempotencyKey, retryAfter, attempts);
    }

    public static ConnectionFailedException ConnectionFailed(Exception cause, string? idempotencyKey, int attempts) =>
        (ConnectionFailedException)new ConnectionFailedException(Describe("The Payments API could not be reached", 0, null, null, idempotencyKey, null, attempts) + $" Cause: {cause.Message}", cause)
            .With(0, null, null, idempotencyKey, null, attempts);

    public static RequestTimeoutException TimedOut(string what, Exception cause, string? idempotencyKey, int attempts) =>
        (RequestTimeoutException)new RequestTimeoutException(Describe($"The Payments API did not answer within the {what}", 0, null, null, idempotencyKey, null, attempts), cause)
            .With(0, null, null, idempotencyKey, null, attempts);

    public static PaymentsException UnreadableResponse(int status, Exception cause, string? requestId, string? idempotencyKey, int attempts) =>
        new PaymentsException(Describe("The Payments API answered with a body this SDK could not read", status, null, requestId, idempotencyKey, null, attempts) + $" Cause: {cause.Message}", cause)
            .With(status, null, requestId, idempotencyKey, null, attempts);

    public static CircuitOpenException CircuitOpen(Polly.CircuitBreaker.BrokenCircuitException cause, string? idempotencyKey, int attempts) =>
        (CircuitOpenException)new CircuitOpenException(Describe("The client stopped calling the Payments API after repeated failures; " + SentSoFar(attempts), 0, null, null, idempotencyKey, cause.RetryAfter, attempts), cause)
            .With(0, null, null, idempotencyKey, cause.RetryAfter, attempts);

    public static RateLimitedException ClientThrottled(Pipeline.ClientThrottledException cause, string? idempotencyKey, int attempts) =>
        (RateLimitedException)new RateLimitedException(Describe("The client's own rate limit would delay the call past its overall timeout; " + SentSoFar(attempts), 0, null, null, idempotencyKey, cause.Wait, attempts), cause)
            .With(0, null, null, idempotencyKey, cause.Wait, attempts);

    public static PaymentsException LivemodeMismatch(string chargeId, int status, string? requestId, string? idempotencyKey, int attempts) =>
        new PaymentsException(Describe($"Configuration error: a test key (sk_test_) received live-mode charge {chargeId}; Payments:BaseAddress points at a live environment. Reconcile the charge before retrying", status, null, requestId, idempotencyKey, null, attempts))
            .With(status, null, requestId, idempotencyKey, null, attempts);

    public static PaymentsException Unexpected(Exception cause, string? idempotencyKey, int attempts) =>
        new PaymentsException(Describe("The call failed unexpectedly; the charge may or may not have happened, retry with the same idempotency key", 0, null, null, idempotencyKey, null, attempts) + $" Cause: {cause.GetType().Name}: {cause.Message}", cause)
            .With(0, null, null, idempotencyKey, null, attempts);

    // "Nothing was sent" is only true before the first attempt; after one, the API may have charged.
    private static string SentSoFar(int attempts) => attempts == 0
        ? "nothing was sent"
        : "no further attempt was sent, but earlier ones may have reached the API: retry only with the same idempotency key";

    private static string KindOf(int status, string? code) => status switch
    {
        400 => "invalid",
        401 => "auth",
        402 => "declined",
        404 => "notfound",
        409 => "conflict",
        422 => "unprocessable",
        429 => "ratelimited",
        >= 500 and <= 599 => "server",
        _ => code switch
        {
            "invalid_amount" or "invalid_currency" or "payment_method_mismatch" => "invalid",
            "authentication_failed" or "unauthorized" => "auth",
            "card_declined" => "declined",
            "customer_not_found" or "payment_method_not_found" => "notfound",
            "idempotency_conflict" or "duplicate_idempotency_key" => "conflict",
            "currency_not_supported" => "unprocessable",
            "rate_limited" or "rate_limit_exceeded" => "ratelimited",
            "processing_error" => "server",
            _ => "other",
        },
    };

    private static string Title(string kind, int status) => kind switch
    {
        "invalid" => "The Payments API rejected the request as invalid",
        "auth" => "The Payments API rejected the API key",
        "declined" => "The card was declined",
        "notfound" => "The Payments API found no such resource",
        "conflict" => "The idempotency key was already used with different parameters",
        "unprocessable" => "The Payments API could not process the request",
        "ratelimited" => "The Payments API rate limit was exceeded",
        "server" => "The Payments API failed",
        _ => $"The Payments API answered HTTP {status}",
    };

    private static string Describe(string title, int status, ApiError? error, string? requestId, string? idempotencyKey, TimeSpan? retryAfter, int attempts)
    {
        var text = new StringBuilder(title);
        text.Append(" (");
        text.Append(status == 0 ? "no response" : $"HTTP {status}");
        if (!string.IsNullOrEmpty(error?.Code)) text.Append(", ").Append(error.Code);
        if (!string.IsNullOrEmpty(error?.FailureReason)) text.Append(", ").Append(error.FailureReason);
        text.Append(')');
        if (!string.IsNullOrEmpty(error?.Message)) text.Append(": ").Append(error.Message);
        text.Append('.');
        if (!string.IsNullOrEmpty(error?.Param)) text.Append(" Param: ").Append(error.Param).Append('.');
        if (retryAfter is { } wait) text.Append(" Retry after: ").Append(wait.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)).Append(" s.");
        if (attempts > 1) text.Append(" Attempts: ").Append(attempts).Append('.');
        if (idempotencyKey is not null) text.Append(" Idempotency key: ").Append(idempotencyKey).Append('.');
        if (requestId is not null) text.Append(" Request id: ").Append(requestId).Append('.');
        return text.ToString();
    }
}
