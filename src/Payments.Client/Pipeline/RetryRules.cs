using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Payments.Client.Pipeline;

/// <summary>
/// What the contract says may be retried: 429, 500, 502, 503, 504, network failures and attempt
/// timeouts. Nothing else, and never a cancellation the caller asked for.
/// </summary>
internal static class RetryRules
{
    public static readonly ResiliencePropertyKey<CallState> CallStateKey = new("Payments.Client.CallState");

    public static bool IsRetryableStatus(int status) => status is 429 or 500 or 502 or 503 or 504;

    public static ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpAttempt> args, TimeSpan maxDelay, TimeProvider time)
    {
        Outcome<HttpAttempt> outcome = args.Outcome;
        if (outcome.Exception is { } exception)
        {
            return new(exception switch
            {
                HttpRequestException => true,
                TimeoutRejectedException => true,

                // The body is read after the headers (ResponseHeadersRead): a connection cut mid-body is an
                // HttpIOException, an IOException rather than an HttpRequestException, and just as retryable.
                IOException => !args.Context.CancellationToken.IsCancellationRequested,
                OperationCanceledException when !args.Context.CancellationToken.IsCancellationRequested => exception.InnerException is TimeoutException,
                _ => false,
            });
        }

        HttpAttempt attempt = outcome.Result!;
        if (!IsRetryableStatus(attempt.StatusCode))
        {
            return new(false);
        }

        // Polly would sleep out any Retry-After, unbounded by MaxDelay or the overall timeout; a wait we
        // cannot afford ends the call now, with the typed 429 error carrying the value.
        if (attempt.RetryAfter is { } wait)
        {
            if (wait > maxDelay)
            {
                return new(false);
            }

            CallState state = args.Context.Properties.GetValue(CallStateKey, null!);
            if (state.WaitEndsPastDeadline(wait, time))
            {
                return new(false);
            }
        }

        return new(true);
    }

    /// <summary>What the circuit breaker counts as the API failing: 5xx, network failures, attempt timeouts. Not 4xx, not 429.</summary>
    public static ValueTask<bool> IsApiFailure(CircuitBreakerPredicateArguments<HttpAttempt> args) => new(args.Outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Exception: OperationCanceledException } => !args.Context.CancellationToken.IsCancellationRequested,
        { Result: { StatusCode: >= 500 } } => true,
        _ => false,
    });

    /// <summary>A short, low-cardinality reason for logs and metrics.</summary>
    public static string Describe(Outcome<HttpAttempt> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "attempt_timeout",
        { Exception: HttpRequestException or IOException } => "network_failure",
        { Exception: { } } => "exception",
        { Result: { } attempt } => attempt.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "unknown",
    };

    public static ValueTask<TimeSpan?> RetryAfterDelay(RetryDelayGeneratorArguments<HttpAttempt> args) =>
        new(args.Outcome.Result?.RetryAfter);
}
