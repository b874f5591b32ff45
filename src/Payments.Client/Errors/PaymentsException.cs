using System.Text.Json;

namespace Payments.Client;

/// <summary>
/// The base of every error the client throws for a call that did not produce a charge (a cancellation the
/// caller asked for is a <see cref="PaymentsCanceledException"/> instead). Thrown as this type itself for an
/// unexpected status (a 3xx: redirects are never followed), an answer from another address (a handler followed
/// a redirect), a 2xx whose body is over 1 MiB or unreadable (the charge may exist), an undocumented error, or an
/// unexpected failure. Catch a subclass
/// for one kind (<see cref="CardDeclinedException"/>, <see cref="RateLimitedException"/>, ...) or this
/// type for all. Always carries the call's <see cref="IdempotencyKey"/>, so the charge can be retried
/// safely, even after a crash, by sending the same key again.
/// </summary>
/// <remarks>Public constructors and init-only properties let tests of merchant code build any error.</remarks>
public class PaymentsException : Exception
{
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

    /// <summary>The client's own errors: built once, with everything it knows, never filled in afterwards.</summary>
    internal PaymentsException(string message, Exception? innerException, ErrorFacts facts)
        : base(message, innerException)
    {
        StatusCode = facts.StatusCode;
        ErrorType = facts.Error?.Type;
        ErrorCode = facts.Error?.Code;
        ApiMessage = facts.Error?.Message;
        Param = facts.Error?.Param;
        Details = facts.Error?.Details;
        DocUrl = facts.Error?.DocUrl;
        RequestId = facts.RequestId;
        IdempotencyKey = facts.IdempotencyKey;
        RetryAfter = facts.RetryAfter;
        Attempts = facts.Attempts;
    }

    /// <summary>The HTTP status of the response (kept when its body was over the limit), or 0 when no response arrived.</summary>
    public int StatusCode { get; init; }

    /// <summary>The API's error <c>type</c>, when its body had one.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The API's error <c>code</c> as sent, for example <c>card_declined</c> or its synonym.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The API's own error message, when its body had one.</summary>
    public string? ApiMessage { get; init; }

    /// <summary>The request parameter the error is about, for example <c>amount</c>.</summary>
    public string? Param { get; init; }

    /// <summary>The API's free-form <c>details</c>, when present.</summary>
    public JsonElement? Details { get; init; }

    /// <summary>A link to the API's documentation of this error.</summary>
    public string? DocUrl { get; init; }

    /// <summary>The API's request id (from <c>Request-Id</c> or <c>X-Request-Id</c>), for support tickets.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// The idempotency key every attempt of the call carried (<see langword="null"/> for reads). Retrying
    /// the charge with this key can never charge twice.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// How long to wait before trying again, when known: the API's <c>Retry-After</c> (<see cref="TimeSpan.MaxValue"/>
    /// when it was too large to represent), or for <see cref="CircuitOpenException"/> and the client's own
    /// throttle, the client's own wait.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// How many HTTP attempts the call handed to the transport before giving up; attempts the client's rate
    /// limit or circuit breaker refused to send are not counted. 0 means nothing was sent.
    /// </summary>
    public int Attempts { get; init; }
}
