namespace Payments.Client.Testing;

/// <summary>
/// Builds the <c>Payments.Client</c> models a merchant's own tests need (a <see cref="Client.Charge"/>, a
/// <see cref="Client.ChargeResult"/>, each exception), with every fact the client itself would fill, as Azure SDKs'
/// <c>*ModelFactory</c> classes do. The documented way to make them in a test.
/// </summary>
/// <remarks>
/// The models' constructors stay public and this factory calls only them and their init-only properties: the
/// exceptions follow .NET's exception pattern (public <c>(message)</c> and <c>(message, innerException)</c>
/// constructors, CA1032), and this package never reaches into the client's internals (no InternalsVisibleTo
/// between packages). What the factory adds is one call, with named parameters, that sets what the client would:
/// the status code and error code of each kind, the idempotency key, the number of attempts.
/// </remarks>
public static class PaymentsModelFactory
{
    /// <summary>A charge as the API returns it.</summary>
    /// <param name="id">The charge id.</param>
    /// <param name="status">Its status; <see cref="ChargeStatus.Succeeded"/> when null.</param>
    /// <param name="amount">The amount in the currency's minor unit.</param>
    /// <param name="currency">The ISO 4217 code, lowercase as the API sends it.</param>
    /// <param name="customerId">The customer charged.</param>
    /// <param name="paymentMethodId">The payment method charged.</param>
    /// <param name="failureReason">Why a failed charge failed.</param>
    /// <param name="createdAt">When the API created it.</param>
    /// <param name="livemode">Whether it is a live-mode charge.</param>
    public static Charge Charge(
        string id = "ch_test_1",
        ChargeStatus? status = null,
        long? amount = 2500,
        string? currency = "usd",
        string? customerId = null,
        string? paymentMethodId = null,
        FailureReason? failureReason = null,
        DateTimeOffset? createdAt = null,
        bool? livemode = false) => new()
    {
        Id = id,
        Object = "charge",
        Status = status ?? ChargeStatus.Succeeded,
        Amount = amount,
        Currency = currency,
        CustomerId = customerId,
        PaymentMethodId = paymentMethodId,
        FailureReason = failureReason,
        CreatedAt = createdAt,
        Livemode = livemode,
    };

    /// <summary>What <c>ChargeAsync</c> and <c>GetChargeAsync</c> return.</summary>
    /// <param name="charge">The charge; <see cref="Charge"/> with its defaults when null.</param>
    /// <param name="idempotencyKey">The key every attempt carried (null for a read).</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made, the first included.</param>
    /// <param name="replayed">Whether the API answered from its idempotency store.</param>
    public static ChargeResult ChargeResult(Charge? charge = null, string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, bool replayed = false) =>
        new(charge ?? Charge(), idempotencyKey, requestId, attempts) { Replayed = replayed };

    /// <summary>A declined card (HTTP 402, <c>card_declined</c>).</summary>
    /// <param name="failureReason">Why the card was declined; <see cref="FailureReason.GenericDecline"/> when null.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static CardDeclinedException CardDeclined(FailureReason? failureReason = null, string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, string? message = null) =>
        new(message ?? "The card was declined.")
        {
            StatusCode = 402,
            ErrorCode = "card_declined",
            FailureReason = failureReason ?? FailureReason.GenericDecline,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>Too many requests (HTTP 429, <c>rate_limited</c>), after the client's own retries.</summary>
    /// <param name="retryAfter">The API's last <c>Retry-After</c>.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static RateLimitedException RateLimited(TimeSpan? retryAfter = null, string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 4, string? message = null) =>
        new(message ?? "The Payments API answered 429 Too Many Requests.")
        {
            StatusCode = 429,
            ErrorCode = "rate_limited",
            RetryAfter = retryAfter,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The API key was refused (HTTP 401).</summary>
    /// <param name="errorCode">The API's error code.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static AuthenticationFailedException AuthenticationFailed(string? errorCode = "authentication_failed", string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, string? message = null) =>
        new(message ?? "The API key was refused (HTTP 401).")
        {
            StatusCode = 401,
            ErrorCode = errorCode,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The API refused the request as malformed (HTTP 400).</summary>
    /// <param name="errorCode">The API's error code.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static InvalidRequestException InvalidRequest(string? errorCode = "invalid_request", string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, string? message = null) =>
        new(message ?? "The API refused the request as malformed (HTTP 400).")
        {
            StatusCode = 400,
            ErrorCode = errorCode,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The charge does not exist (HTTP 404).</summary>
    /// <param name="errorCode">The API's error code.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static NotFoundException NotFound(string? errorCode = "not_found", string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, string? message = null) =>
        new(message ?? "The charge does not exist (HTTP 404).")
        {
            StatusCode = 404,
            ErrorCode = errorCode,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The idempotency key was used with other parameters (HTTP 409).</summary>
    /// <param name="errorCode">The API's error code.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static IdempotencyConflictException IdempotencyConflict(string? errorCode = "idempotency_conflict", string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, string? message = null) =>
        new(message ?? "The idempotency key was used with other parameters (HTTP 409).")
        {
            StatusCode = 409,
            ErrorCode = errorCode,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The API could not process a well-formed request (HTTP 422).</summary>
    /// <param name="errorCode">The API's error code.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static UnprocessableRequestException UnprocessableRequest(string? errorCode = "unprocessable_entity", string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, string? message = null) =>
        new(message ?? "The API could not process a well-formed request (HTTP 422).")
        {
            StatusCode = 422,
            ErrorCode = errorCode,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The API failed (HTTP 5xx) and retries ran out.</summary>
    /// <param name="statusCode">The 5xx status.</param>
    /// <param name="errorCode">The API's error code.</param>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static ServerErrorException ServerError(int statusCode = 500, string? errorCode = "processing_error", string? idempotencyKey = "idem_test_1", string? requestId = "req_test_1", int attempts = 1, string? message = null) =>
        new(message ?? "The API failed (HTTP 5xx) and retries ran out.")
        {
            StatusCode = statusCode,
            ErrorCode = errorCode,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The connection failed or was cut before a complete response.</summary>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static ConnectionFailedException ConnectionFailed(string? idempotencyKey = "idem_test_1", string? requestId = null, int attempts = 1, string? message = null) =>
        new(message ?? "The connection failed or was cut before a complete response.")
        {
            StatusCode = 0,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>An attempt or the whole call timed out.</summary>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static RequestTimeoutException RequestTimeout(string? idempotencyKey = "idem_test_1", string? requestId = null, int attempts = 1, string? message = null) =>
        new(message ?? "An attempt or the whole call timed out.")
        {
            StatusCode = 0,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The client stopped calling the API after repeated failures.</summary>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="requestId">The API's request id.</param>
    /// <param name="attempts">Attempts the call made.</param>
    /// <param name="message">The exception's message; a generic one when null.</param>
    public static CircuitOpenException CircuitOpen(string? idempotencyKey = "idem_test_1", string? requestId = null, int attempts = 1, string? message = null) =>
        new(message ?? "The client stopped calling the API after repeated failures.")
        {
            StatusCode = 0,
            IdempotencyKey = idempotencyKey,
            RequestId = requestId,
            Attempts = attempts,
        };

    /// <summary>The caller cancelled the call (an <see cref="OperationCanceledException"/>).</summary>
    /// <param name="idempotencyKey">The key every attempt carried.</param>
    /// <param name="attempts">Attempts handed to the transport before the cancellation.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static PaymentsCanceledException Canceled(string? idempotencyKey = "idem_test_1", int attempts = 1, CancellationToken cancellationToken = default) =>
        new("The call was cancelled.", null, cancellationToken)
        {
            IdempotencyKey = idempotencyKey,
            Attempts = attempts,
            MayHaveReachedApi = attempts > 0,
        };
}
