namespace Payments.Client.Pipeline;

/// <summary>
/// Every way one attempt (or a call that never got to one) can end. Decided once, where it ends;
/// <see cref="OutcomeRules"/> says what each kind means for retries, the breaker and the caller.
/// </summary>
internal enum OutcomeKind
{
    /// <summary>A 2xx from the address sent to, whose body is a charge.</summary>
    Success,

    /// <summary>A 4xx or 5xx, or a 2xx whose envelope says <c>"success": false</c>: the status (then the error code) decides.</summary>
    ApiError,

    /// <summary>A status the contract never answers with (1xx, 3xx, 600+); redirects are never followed.</summary>
    UnexpectedStatus,

    /// <summary>A handler followed a redirect: the response came from another address and is never taken for a charge.</summary>
    Redirected,

    /// <summary>A 2xx whose body is over the 1 MiB limit: the charge may exist.</summary>
    ResponseTooLarge,

    /// <summary>A 2xx whose body is not a charge.</summary>
    UnreadableResponse,

    /// <summary>A test key answered with a live-mode charge: the base address is a live environment.</summary>
    LivemodeMismatch,

    /// <summary>The connection failed, was reset, or was cut mid-body.</summary>
    TransportFailure,

    /// <summary>The attempt outlived <see cref="PaymentsClientOptions.AttemptTimeout"/>.</summary>
    AttemptTimeout,

    /// <summary>The call outlived <see cref="PaymentsClientOptions.OverallTimeout"/>.</summary>
    OverallTimeout,

    /// <summary><see cref="HttpClient.Timeout"/> (or a handler's own timeout) ended the attempt.</summary>
    HttpClientTimeout,

    /// <summary>A handler cancelled the attempt on its own, without a timeout and without the caller asking.</summary>
    HandlerCanceled,

    /// <summary>The caller's token was cancelled.</summary>
    CallerCanceled,

    /// <summary>The circuit breaker refused to send.</summary>
    CircuitOpen,

    /// <summary>The client's own rate limit would have waited past the overall deadline.</summary>
    ClientThrottled,

    /// <summary>Any other exception (a disposed <see cref="HttpClient"/>, a merchant handler's bug).</summary>
    Unexpected,
}
