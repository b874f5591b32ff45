namespace Payments.Client.Testing.Rules;

/// <summary>
/// Every error the fake answers. The codes of the contract come first; the few the contract leaves
/// open (a malformed body, bad metadata, an unknown charge) are the fake's own and documented as such.
/// </summary>
internal static class ApiErrors
{
    private const string InvalidRequest = "invalid_request_error";

    public static ApiError InvalidAmount(string message) => new(400, InvalidRequest, "invalid_amount", message, "amount");

    public static ApiError InvalidCurrency(string? currency) =>
        new(400, InvalidRequest, "invalid_currency", $"'{currency}' is not an ISO 4217 currency code.", "currency");

    public static ApiError CurrencyNotSupported(string currency) =>
        new(422, InvalidRequest, "currency_not_supported", $"The currency '{currency}' is not supported for this payment method.", "currency");

    public static ApiError PaymentMethodMismatch(string paymentMethodId, string customerId) =>
        new(400, InvalidRequest, "payment_method_mismatch", $"The payment method '{paymentMethodId}' does not belong to the customer '{customerId}'.", "payment_method_id");

    public static ApiError CustomerNotFound(string customerId) =>
        new(404, InvalidRequest, "customer_not_found", $"No customer with id '{customerId}'.", "customer_id");

    public static ApiError PaymentMethodNotFound(string message) =>
        new(404, InvalidRequest, "payment_method_not_found", message, "payment_method_id");

    public static ApiError Metadata(string message) => new(400, InvalidRequest, "invalid_metadata", message, "metadata");

    public static ApiError IdempotencyKey(string message) => new(400, InvalidRequest, "invalid_idempotency_key", message, "idempotency_key");

    public static ApiError Malformed(string message, string? param = null) => new(400, InvalidRequest, "invalid_request", message, param);

    public static ApiError UnsupportedMediaType() =>
        new(415, InvalidRequest, "invalid_request", "The request body must be application/json.");

    public static ApiError Unauthorized(bool keyPresent) => new(401, "authentication_error", "authentication_failed",
        keyPresent ? "The API key is invalid." : "No API key: send 'Authorization: Bearer sk_test_...'.");

    public static ApiError CardDeclined(string failureReason, string chargeId) =>
        new(402, "card_error", "card_declined", $"The card was declined ({failureReason}).")
        {
            FailureReason = failureReason,
            ChargeId = chargeId,
        };

    public static ApiError IdempotencyConflict(string key) => new(409, "idempotency_error", "idempotency_conflict",
        $"The idempotency key '{key}' was already used with different parameters.", "idempotency_key");

    public static ApiError RateLimited() =>
        new(429, "rate_limit_error", "rate_limited", "Too many requests. Retry after the time in the Retry-After header.");

    public static ApiError ChargeNotFound(string chargeId) =>
        new(404, InvalidRequest, "charge_not_found", $"No charge with id '{chargeId}'.", "id");

    public static ApiError RouteNotFound(string method, string path) =>
        new(404, InvalidRequest, "not_found", $"No route for {method} {path}.");

    /// <summary>A fault injected by a test: <c>processing_error</c> for 5xx, as the contract documents.</summary>
    public static ApiError Injected(int status) => status switch
    {
        429 => RateLimited(),
        >= 500 => new(status, "api_error", "processing_error", "Something broke on our end (injected fault). Safe to retry with the same idempotency key."),
        _ => new(status, "api_error", "injected_fault", $"Injected fault (HTTP {status})."),
    };
}
