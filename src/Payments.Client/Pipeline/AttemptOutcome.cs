using Payments.Client.Serialization;
using Polly.CircuitBreaker;

namespace Payments.Client.Pipeline;

/// <summary>
/// How one attempt ended, classified once where it ended, with everything the retry, the circuit
/// breaker, telemetry and the caller's exception need. Holds no pooled buffer and no response: the body
/// was decoded (or discarded) inside the attempt.
/// </summary>
internal sealed class AttemptOutcome
{
    private AttemptOutcome(OutcomeKind kind)
    {
        Kind = kind;
    }

    public OutcomeKind Kind { get; }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int StatusCode { get; private init; }

    /// <summary>The response's <c>Retry-After</c>, parsed once (see <see cref="RetryAfterHeader"/>); for a breaker or the client's throttle, their own wait.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    public string? RequestId { get; private init; }

    /// <summary>The response carried <c>Idempotent-Replayed: true</c>: the API answered with the response it stored for the key.</summary>
    public bool Replayed { get; private init; }

    /// <summary>The charge, for <see cref="OutcomeKind.Success"/>; the live charge's id is kept for <see cref="OutcomeKind.LivemodeMismatch"/>.</summary>
    public Charge? Charge { get; private init; }

    /// <summary>The API's error object, when the body held one.</summary>
    public ApiError? Error { get; private init; }

    /// <summary>The exception behind a transport failure, timeout or unreadable body.</summary>
    public Exception? Cause { get; private init; }

    public static AttemptOutcome Success(Charge charge, int status, string? requestId, bool replayed) =>
        new(OutcomeKind.Success) { Charge = charge, StatusCode = status, RequestId = requestId, Replayed = replayed };

    public static AttemptOutcome ApiError(int status, ApiError? error, string? requestId, TimeSpan? retryAfter) =>
        new(OutcomeKind.ApiError) { StatusCode = status, Error = error, RequestId = requestId, RetryAfter = retryAfter };

    public static AttemptOutcome Response(OutcomeKind kind, int status, string? requestId, Exception? cause = null, Charge? charge = null) =>
        new(kind) { StatusCode = status, RequestId = requestId, Cause = cause, Charge = charge };

    /// <summary>
    /// Classifies an exception. Whose cancellation it was is read from the tokens, never from clocks: the
    /// caller's first, then the overall deadline's, then the attempt's own timer (from the outermost
    /// token in), so the name given is the timeout that fired even when two are a tick apart.
    /// </summary>
    /// <param name="exception">What the attempt or the pipeline ended with.</param>
    /// <param name="call">The call, for the caller's token.</param>
    /// <param name="overallFired">The overall deadline's token was cancelled.</param>
    /// <param name="attemptFired">The attempt's own timer fired.</param>
    public static AttemptOutcome FromException(Exception exception, CallState call, bool overallFired, bool attemptFired)
    {
        if (call.CallerToken.IsCancellationRequested)
        {
            return new(OutcomeKind.CallerCanceled) { Cause = exception };
        }

        OutcomeKind kind = exception switch
        {
            BrokenCircuitException => OutcomeKind.CircuitOpen,
            ClientThrottledException => OutcomeKind.ClientThrottled,
            _ when overallFired => OutcomeKind.OverallTimeout,
            _ when attemptFired => OutcomeKind.AttemptTimeout,
            OperationCanceledException { InnerException: TimeoutException } => OutcomeKind.HttpClientTimeout,
            OperationCanceledException => OutcomeKind.HandlerCanceled,

            // The body is read after the headers: a connection cut mid-body is an HttpIOException, an
            // IOException rather than an HttpRequestException, and just as much a transport failure.
            HttpRequestException or IOException => OutcomeKind.TransportFailure,
            _ => OutcomeKind.Unexpected,
        };

        TimeSpan? wait = exception switch
        {
            BrokenCircuitException broken => broken.RetryAfter,
            ClientThrottledException throttled => throttled.Wait,
            _ => null,
        };

        return new(kind) { Cause = exception, RetryAfter = wait };
    }
}
