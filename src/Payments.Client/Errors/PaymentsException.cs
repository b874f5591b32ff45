using System.Text.Json;
using Payments.Client.Serialization;

namespace Payments.Client;

/// <summary>
/// The base of every error the client throws for a call that did not produce a charge. Catch a subclass
/// for one kind (<see cref="CardDeclinedException"/>, <see cref="RateLimitedException"/>, ...) or this
/// type for all. Always carries the call's <see cref="IdempotencyKey"/>, so the charge can be retried
/// safely, even after a crash, by sending the same key again.
/// </summary>
/// <remarks>Public constructors and init-only properties let tests of merchant code build any error.</remarks>
public class PaymentsException : Exception
{
    private int _statusCode;
    private string? _errorType;
    private string? _errorCode;
    private string? _apiMessage;
    private string? _param;
    private JsonElement? _details;
    private string? _docUrl;
    private string? _requestId;
    private string? _idempotencyKey;
    private TimeSpan? _retryAfter;
    private int _attempts;

    /// <summary>Creates an error with a message.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    public PaymentsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    /// <param name="message">What went wrong, for humans.</param>
    /// <param name="innerException">The failure that caused it.</param>
    public PaymentsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the response, or 0 when no response arrived.</summary>
    public int StatusCode { get => _statusCode; init => _statusCode = value; }

    /// <summary>The API's error <c>type</c>, when its body had one.</summary>
    public string? ErrorType { get => _errorType; init => _errorType = value; }

    /// <summary>The API's error <c>code</c> as sent, for example <c>card_declined</c> or its synonym.</summary>
    public string? ErrorCode { get => _errorCode; init => _errorCode = value; }

    /// <summary>The API's own error message, when its body had one.</summary>
    public string? ApiMessage { get => _apiMessage; init => _apiMessage = value; }

    /// <summary>The request parameter the error is about, for example <c>amount</c>.</summary>
    public string? Param { get => _param; init => _param = value; }

    /// <summary>The API's free-form <c>details</c>, when present.</summary>
    public JsonElement? Details { get => _details; init => _details = value; }

    /// <summary>A link to the API's documentation of this error.</summary>
    public string? DocUrl { get => _docUrl; init => _docUrl = value; }

    /// <summary>The API's request id (from <c>Request-Id</c> or <c>X-Request-Id</c>), for support tickets.</summary>
    public string? RequestId { get => _requestId; init => _requestId = value; }

    /// <summary>
    /// The idempotency key every attempt of the call carried (<see langword="null"/> for reads). Retrying
    /// the charge with this key can never charge twice.
    /// </summary>
    public string? IdempotencyKey { get => _idempotencyKey; init => _idempotencyKey = value; }

    /// <summary>How long the API asked the caller to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get => _retryAfter; init => _retryAfter = value; }

    /// <summary>How many HTTP attempts the call made before giving up.</summary>
    public int Attempts { get => _attempts; init => _attempts = value; }

    /// <summary>Fills in what the client knows about the failed call; only the client itself does this.</summary>
    internal PaymentsException With(int statusCode, ApiError? error, string? requestId, string? idempotencyKey, TimeSpan? retryAfter, int attempts)
    {
        _statusCode = statusCode;
        _errorType = error?.Type;
        _errorCode = error?.Code;
        _apiMessage = error?.Message;
        _param = error?.Param;
        _details = error?.Details;
        _docUrl = error?.DocUrl;
        _requestId = requestId;
        _idempotencyKey = idempotencyKey;
        _retryAfter = retryAfter;
        _attempts = attempts;
        return this;
    }
}
