using System.Globalization;
using Payments.Client.Serialization;

namespace Payments.Client.Pipeline;

/// <summary>
/// The one table of the client: for every way an attempt (or a call that never reached one) can end, is it
/// retried, does the circuit breaker count it as the API failing, what reason do logs and metrics give,
/// and what does the caller see. The retry, the breaker, telemetry and the final exception all read it.
/// </summary>
/// <remarks>
/// <code>
/// outcome                          retried                 breaker  caller sees
/// Success (2xx, a charge)          -                       no       ChargeResult / Charge
/// ApiError 429                     yes, after Retry-After* no       RateLimitedException
/// ApiError 500, 502, 503, 504      yes (Retry-After*)      yes      ServerErrorException
/// ApiError other 5xx               no                      yes      ServerErrorException
/// ApiError 4xx, 2xx "success":false no                     no       by status, else by error code (see ApiErrorType)
/// UnexpectedStatus (1xx, 3xx)      no                      no       PaymentsException, status kept
/// Redirected (another address)     no                      no       PaymentsException, never a charge
/// ResponseTooLarge (2xx > 1 MiB)   no                      no       PaymentsException, status kept, outcome unknown
/// UnreadableResponse (2xx)         no                      no       PaymentsException
/// LivemodeMismatch                 no                      no       PaymentsException
/// TransportFailure                 yes                     yes      ConnectionFailedException
/// AttemptTimeout                   yes                     yes      RequestTimeoutException
/// HttpClientTimeout                yes                     yes      RequestTimeoutException
/// OverallTimeout                   no (the call is over)   yes      RequestTimeoutException
/// HandlerCanceled                  no                      yes      PaymentsException
/// CallerCanceled                   no                      no       PaymentsCanceledException (an OperationCanceledException)
/// CircuitOpen                      no                      no       CircuitOpenException
/// ClientThrottled                  no                      no       RateLimitedException, status 0
/// Unexpected                       no                      no       PaymentsException with the cause
/// * a Retry-After is a minimum: the wait is the larger of it and the backoff. One longer than Retry.MaxDelay,
///   or ending past the overall deadline, is not waited out: the call ends at once with the error above, carrying the value.
/// </code>
/// </remarks>
internal static class OutcomeRules
{
    /// <summary>The retry predicate: the table's "retried" column, then whether the asked-for wait is affordable.</summary>
    public static bool ShouldRetry(AttemptOutcome outcome, CallState call, TimeSpan maxDelay, TimeProvider time) =>
        RuleFor(outcome).Retried &&
        (outcome.RetryAfter is not { } wait || (wait <= maxDelay && !call.WaitEndsPastDeadline(wait, time)));

    /// <summary>The circuit breaker's predicate: 5xx, network failures and timeouts; never an answer about the request.</summary>
    public static bool CountsAsApiFailure(AttemptOutcome outcome) => RuleFor(outcome).BreakerCounts;

    /// <summary>A short, low-cardinality reason for logs and metrics.</summary>
    public static string Reason(AttemptOutcome outcome) => RuleFor(outcome).Reason ?? outcome.StatusCode.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (0 for the first): <see cref="PaymentsRetryOptions.BaseDelay"/>
    /// doubled per retry, times a jitter in [0.8, 1.2) drawn from <paramref name="random"/> (as Azure.Core), capped at
    /// <see cref="PaymentsRetryOptions.MaxDelay"/>. An API's <c>Retry-After</c> (one the retry predicate accepted) is a
    /// minimum, not a replacement: <c>Retry-After: 0</c> never turns retries into a tight loop.
    /// </summary>
    public static TimeSpan RetryDelay(AttemptOutcome? outcome, int retry, PaymentsRetryOptions options, double random)
    {
        double ticks = options.BaseDelay.Ticks * Math.Pow(2, retry) * (0.8 + (0.4 * random));
        TimeSpan backoff = ticks >= options.MaxDelay.Ticks ? options.MaxDelay : TimeSpan.FromTicks((long)ticks);
        return outcome is { Kind: OutcomeKind.ApiError, RetryAfter: { } after } && after > backoff ? after : backoff;
    }

    /// <summary>The caller's exception for a call that ended in <paramref name="outcome"/> (anything but <see cref="OutcomeKind.Success"/>).</summary>
    public static Exception ToException(AttemptOutcome outcome, CallState call, TimeSpan attemptTimeout, TimeSpan overallTimeout)
    {
        var facts = new ErrorFacts(outcome.StatusCode, outcome.Error, outcome.RequestId, call.IdempotencyKey, outcome.RetryAfter, call.Attempts);
        Exception? cause = outcome.Cause;
        string inDoubt = InDoubt(call);
        return outcome.Kind switch
        {
            OutcomeKind.ApiError => FromApiError(outcome, facts),
            OutcomeKind.UnexpectedStatus => new PaymentsException(ErrorMessage.Build($"The Payments API answered HTTP {outcome.StatusCode}, a status it does not use; redirects are never followed" + inDoubt, facts), null, facts),
            OutcomeKind.Redirected => new PaymentsException(ErrorMessage.Build("A message handler followed a redirect, so the answer came from another address and was not taken for a charge (set AllowAutoRedirect = false on the primary handler)" + inDoubt, facts), null, facts),
            OutcomeKind.ResponseTooLarge => new PaymentsException(ErrorMessage.Build($"The Payments API answered with a body over the {ResponseReader.MaxBodyBytes / 1024 / 1024} MiB limit, so the outcome is unknown" + (call.IdempotencyKey is null ? string.Empty : ": the charge may exist, retry with the same idempotency key or reconcile with GetChargeAsync"), facts), null, facts),
            OutcomeKind.UnreadableResponse => new PaymentsException(ErrorMessage.Build("The Payments API answered with a body this SDK could not read" + inDoubt, facts, cause), cause, facts),
            OutcomeKind.LivemodeMismatch => new PaymentsException(ErrorMessage.Build($"Configuration error: a test key (sk_test_) received live-mode charge {outcome.Charge?.Id}; Payments:BaseAddress points at a live environment. Reconcile the charge before retrying", facts), null, facts),
            OutcomeKind.TransportFailure => new ConnectionFailedException(ErrorMessage.Build("The connection to the Payments API failed or was cut before a complete response arrived" + inDoubt, facts, cause), cause, facts),
            OutcomeKind.AttemptTimeout => TimedOut($"attempt timeout of {Seconds(attemptTimeout)} s", facts, cause, inDoubt),
            OutcomeKind.OverallTimeout => TimedOut($"overall timeout of {Seconds(overallTimeout)} s", facts, cause, inDoubt),
            OutcomeKind.HttpClientTimeout => TimedOut("HttpClient's timeout (or a message handler's own)", facts, cause, inDoubt),
            OutcomeKind.HandlerCanceled => new PaymentsException(ErrorMessage.Build("A message handler cancelled the attempt before a response arrived" + inDoubt, facts, cause), cause, facts),
            OutcomeKind.CallerCanceled => Canceled(call, cause),
            OutcomeKind.CircuitOpen => new CircuitOpenException(ErrorMessage.Build("The client stopped calling the Payments API after repeated failures; " + SentSoFar(call), facts), cause, facts),
            OutcomeKind.ClientThrottled => new RateLimitedException(ErrorMessage.Build("The client's own rate limit would delay the call past its overall timeout (the API did not answer 429); " + SentSoFar(call), facts), cause, facts),
            _ => new PaymentsException(ErrorMessage.Build("The call failed unexpectedly" + inDoubt, facts) + (cause is null ? string.Empty : $" Cause: {cause.GetType().Name}: {cause.Message}"), cause, facts),
        };
    }

    private static Rule RuleFor(AttemptOutcome outcome) => outcome.Kind switch
    {
        //                                       retried                                      breaker counts                        reason (null: the status)
        OutcomeKind.Success => new(false, false, null),
        OutcomeKind.ApiError => new(outcome.StatusCode is 429 or 500 or 502 or 503 or 504, outcome.StatusCode is >= 500 and <= 599, null),
        OutcomeKind.UnexpectedStatus => new(false, false, null),
        OutcomeKind.Redirected => new(false, false, "redirected"),
        OutcomeKind.ResponseTooLarge => new(false, false, "response_too_large"),
        OutcomeKind.UnreadableResponse => new(false, false, "unreadable_response"),
        OutcomeKind.LivemodeMismatch => new(false, false, "livemode_mismatch"),
        OutcomeKind.TransportFailure => new(true, true, "network_failure"),
        OutcomeKind.AttemptTimeout => new(true, true, "attempt_timeout"),
        OutcomeKind.HttpClientTimeout => new(true, true, "http_client_timeout"),
        OutcomeKind.OverallTimeout => new(false, true, "overall_timeout"),
        OutcomeKind.HandlerCanceled => new(false, true, "handler_canceled"),
        OutcomeKind.CallerCanceled => new(false, false, "canceled"),
        OutcomeKind.CircuitOpen => new(false, false, "circuit_open"),
        OutcomeKind.ClientThrottled => new(false, false, "client_throttled"),
        _ => new(false, false, "exception"),
    };

    /// <summary>An API error's type: the documented status decides; an undocumented one (a 2xx envelope included) falls back to the code.</summary>
    private static PaymentsException FromApiError(AttemptOutcome outcome, ErrorFacts facts)
    {
        ApiError? error = outcome.Error;
        return ApiErrorTypeOf(outcome.StatusCode, error?.Code) switch
        {
            ApiErrorType.Invalid => new InvalidRequestException(ErrorMessage.Build("The Payments API rejected the request as invalid", facts), null, facts),
            ApiErrorType.Authentication => new AuthenticationFailedException(ErrorMessage.Build("The Payments API rejected the API key", facts), null, facts),
            ApiErrorType.Declined => new CardDeclinedException(ErrorMessage.Build("The card was declined", facts), null, facts)
            {
                FailureReason = string.IsNullOrEmpty(error?.FailureReason) ? null : new FailureReason(error.FailureReason),
            },
            ApiErrorType.NotFound => new NotFoundException(ErrorMessage.Build("The Payments API found no such resource", facts), null, facts),
            ApiErrorType.Conflict => new IdempotencyConflictException(ErrorMessage.Build("The idempotency key was already used with different parameters", facts), null, facts),
            ApiErrorType.Unprocessable => new UnprocessableRequestException(ErrorMessage.Build("The Payments API could not process the request", facts), null, facts),
            ApiErrorType.RateLimited => new RateLimitedException(ErrorMessage.Build("The Payments API rate limit was exceeded", facts), null, facts),
            ApiErrorType.Server => new ServerErrorException(ErrorMessage.Build("The Payments API failed", facts), null, facts),
            _ => new PaymentsException(ErrorMessage.Build(outcome.StatusCode is >= 200 and <= 299 ? "The Payments API reported an error (\"success\": false)" : $"The Payments API answered HTTP {outcome.StatusCode}", facts), null, facts),
        };
    }

    private static ApiErrorType ApiErrorTypeOf(int status, string? code) =>
        TypeOf(status) is var byStatus and not ApiErrorType.Other ? byStatus : TypeOf(ErrorCodes.StatusOf(code));

    private static ApiErrorType TypeOf(int status) => status switch
    {
        400 => ApiErrorType.Invalid,
        401 => ApiErrorType.Authentication,
        402 => ApiErrorType.Declined,
        404 => ApiErrorType.NotFound,
        409 => ApiErrorType.Conflict,
        422 => ApiErrorType.Unprocessable,
        429 => ApiErrorType.RateLimited,
        >= 500 and <= 599 => ApiErrorType.Server,
        _ => ApiErrorType.Other,
    };

    private static RequestTimeoutException TimedOut(string which, ErrorFacts facts, Exception? cause, string inDoubt) =>
        new(ErrorMessage.Build($"The Payments API did not answer within the {which}" + inDoubt, facts), cause, facts);

    private static PaymentsCanceledException Canceled(CallState call, Exception? cause)
    {
        string message = call.MayHaveReachedApi
            ? $"The caller cancelled the Payments {call.Operation} call after {call.Attempts} attempt(s) had been sent; the API may have acted on them" +
              (call.IdempotencyKey is null ? "." : $": retry only with idempotency key {call.IdempotencyKey}, or reconcile.")
            : $"The caller cancelled the Payments {call.Operation} call before anything was sent." +
              (call.IdempotencyKey is null ? string.Empty : $" Idempotency key {call.IdempotencyKey}.");
        return new PaymentsCanceledException(message, cause, call.CallerToken)
        {
            IdempotencyKey = call.IdempotencyKey,
            Attempts = call.Attempts,
            MayHaveReachedApi = call.MayHaveReachedApi,
        };
    }

    // Whether the charge is in doubt: only a charge has one, and only once an attempt was sent.
    private static string InDoubt(CallState call) => call.IdempotencyKey is not null && call.MayHaveReachedApi
        ? "; the charge may or may not have happened: retry with the same idempotency key"
        : string.Empty;

    // "Nothing was sent" is only true before the first attempt; the breaker and the throttle sit inside the retry.
    private static string SentSoFar(CallState call) => call.Attempts == 0
        ? "nothing was sent for this call"
        : "no further attempt was sent, but earlier attempts of this call may have reached the API" + (call.IdempotencyKey is null ? string.Empty : ": retry only with the same idempotency key");

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private readonly record struct Rule(bool Retried, bool BreakerCounts, string? Reason);

    private enum ApiErrorType
    {
        Other,
        Invalid,
        Authentication,
        Declined,
        NotFound,
        Conflict,
        Unprocessable,
        RateLimited,
        Server,
    }
}
