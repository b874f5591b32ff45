namespace Payments.Client.Testing.Rules;

/// <summary>
/// Every error the fake answers. The codes of the contract come first, each at the status the contract's table
/// gives it (<see cref="ErrorCodes"/>); the few the contract leaves open (a malformed body, bad metadata, an
/// unknown charge) are the fake's own and documented as such.
/// </summary>
internal static class ApiErrors
{
    private const string InvalidRequest = "invalid_request_error";

    public static ApiError InvalidAmount(string message) => Documented(InvalidRequest, ErrorCodes.InvalidAmount, message, WireNames.Amount.V1);

    public static ApiError InvalidCurrency(string? currency) =>
        Documented(InvalidRequest, ErrorCodes.InvalidCurrency, $"'{currency}' is not an ISO 4217 currency code.", WireNames.Currency.V1);

    public static ApiError CurrencyNotSupported(string currency) =>
        Documented(InvalidRequest, ErrorCodes.CurrencyNotSupported, $"The currency '{currency}' is not supported for this payment method.", WireNames.Currency.V1);

    public static ApiError PaymentMethodMismatch(string methodId, string customerId) =>
        Documented(InvalidRequest, ErrorCodes.PaymentMethodMismatch, $"The payment method '{methodId}' does not belong to the customer '{customerId}'.", WireNames.PaymentMethodId.V1);

    public static ApiError CustomerNotFound(string customerId) =>
        Documented(InvalidRequest, ErrorCodes.CustomerNotFound, $"No customer with id '{customerId}'.", WireNames.CustomerId.V1);

    public static ApiError PaymentMethodNotFound(string message) =>
        Documented(InvalidRequest, ErrorCodes.PaymentMethodNotFound, message, WireNames.PaymentMethodId.V1);

    public static ApiError Metadata(string message) => new(400, InvalidRequest, "invalid_metadata", message, WireNames.Metadata.V1);

    public static ApiError IdempotencyKey(string message) => new(400, InvalidRequest, "invalid_idempotency_key", message, WireNames.IdempotencyKey.V1);

    public static ApiError Malformed(string message, string? param = null) => new(400, InvalidRequest, "invalid_request", message, param);

    public static ApiError UnsupportedMediaType() =>
        new(415, InvalidRequest, "invalid_request", "The request body must be application/json.");

    public static ApiError Unauthorized(bool keyPresent) => Documented("authentication_error", ErrorCodes.AuthenticationFailed,
        keyPresent ? "The API key is invalid." : "No API key: send 'Authorization: Bearer sk_test_...'.");

    public static ApiError CardDeclined(string failureReason, string chargeId) =>
        Documented("card_error", ErrorCodes.CardDeclined, $"The card was declined ({failureReason}).") with
        {
            FailureReason = failureReason,
            ChargeId = chargeId,
        };

    public static ApiError IdempotencyConflict(string key) => Documented("idempotency_error", ErrorCodes.IdempotencyConflict,
        $"The idempotency key '{key}' was already used with different parameters.", WireNames.IdempotencyKey.V1);

    public static ApiError RateLimited() =>
        Documented("rate_limit_error", ErrorCodes.RateLimited, "Too many requests. Retry after the time in the Retry-After header.");

    public static ApiError ChargeNotFound(string chargeId) =>
        new(404, InvalidRequest, "charge_not_found", $"No charge with id '{chargeId}'.", WireNames.Id.V1);

    public static ApiError RouteNotFound(string method, string path) =>
        new(404, InvalidRequest, "not_found", $"No route for {method} {path}.");

    /// <summary>A fault injected by a test: <c>processing_error</c> for 5xx, as the contract documents.</summary>
    public static ApiError Injected(int status) => status switch
    {
        429 => RateLimited(),
        >= 500 => new(status, "api_error", ErrorCodes.ProcessingError, "Something broke on our end (injected fault). Safe to retry with the same idempotency key."),
        _ => new(status, "api_error", "injected_fault", $"Injected fault (HTTP {status})."),
    };

    private static ApiError Documented(string type, string code, string message, string? param = null) =>
        new(ErrorCodes.StatusOf(code), type, code, message, param);
}
