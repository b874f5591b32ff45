namespace Payments.Client.Contract;

/// <summary>
/// The error codes both documents give (004's two tables, README "Errors"), each with the HTTP status it is
/// documented under. The client reads the status of a code when the response's own status is not a documented
/// one (a 2xx <c>"success": false</c>); the fake answers each code with its status.
/// </summary>
internal static class ErrorCodes
{
    public const string InvalidAmount = "invalid_amount";
    public const string InvalidCurrency = "invalid_currency";
    public const string PaymentMethodMismatch = "payment_method_mismatch";
    public const string AuthenticationFailed = "authentication_failed";
    public const string Unauthorized = "unauthorized";
    public const string CardDeclined = "card_declined";
    public const string CustomerNotFound = "customer_not_found";
    public const string PaymentMethodNotFound = "payment_method_not_found";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string DuplicateIdempotencyKey = "duplicate_idempotency_key";
    public const string CurrencyNotSupported = "currency_not_supported";
    public const string RateLimited = "rate_limited";
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string ProcessingError = "processing_error";

    /// <summary>The status <paramref name="code"/> is documented under; 0 for a code neither document lists.</summary>
    public static int StatusOf(string? code) => code switch
    {
        InvalidAmount or InvalidCurrency or PaymentMethodMismatch => 400,
        AuthenticationFailed or Unauthorized => 401,
        CardDeclined => 402,
        CustomerNotFound or PaymentMethodNotFound => 404,
        IdempotencyConflict or DuplicateIdempotencyKey => 409,
        CurrencyNotSupported => 422,
        RateLimited or RateLimitExceeded => 429,
        ProcessingError => 500,
        _ => 0,
    };
}
