using Microsoft.Extensions.Logging;
using Payments.Client.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Payments.Client.Pipeline;

/// <summary>
/// retry -> circuit breaker -> client rate limit -> one attempt (<see cref="AttemptSender"/>, which keeps the
/// attempt timeout), all under the overall deadline's token that <see cref="CallRunner"/> creates per call.
/// A strategy that is off is not added, so with every one off the pipeline is empty. The breaker and the rate limit sit inside the retry so that every
/// attempt counts and waits, and the attempt timeout inside them so that waiting for a token never eats an
/// attempt's time. Every predicate reads <see cref="OutcomeRules"/>.
/// </summary>
internal static class PipelineFactory
{
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage(
        "Trimming",
        "IL2026",
        Justification = "AddStrategy validates options with data annotations; ClientRateLimitStrategyOptions declares none, so a trimmed validator checks exactly as much.")]
    public static ResiliencePipeline<AttemptOutcome> Create(PaymentsClientOptions options, TimeProvider time, PaymentsTelemetry telemetry, ILogger logger, Func<double>? jitter = null)
    {
        PaymentsRetryOptions retry = options.Retry;
        TimeSpan maxDelay = retry.MaxDelay;
        var builder = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = time };

        if (options.Retry.MaxAttempts > 1)
        {
            var strategy = new RetryStrategyOptions<AttemptOutcome>();
            Func<double> random = jitter ?? strategy.Randomizer;
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                Name = "retry",
                MaxRetryAttempts = retry.MaxAttempts - 1,
                Randomizer = random,

                // Every wait comes from OutcomeRules.RetryDelay (backoff with jitter, Retry-After as its minimum);
                // Polly's own backoff would be computed and thrown away, so it is the cheapest kind.
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                Delay = retry.BaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args =>
                {
                    CallState call = args.Context.Properties.GetValue(CallState.Key, null!);
                    return new(OutcomeRules.ShouldRetry(Classified(args.Outcome, call), call, maxDelay, time));
                },
                DelayGenerator = args => new(OutcomeRules.RetryDelay(args.Outcome.Result, args.AttemptNumber, retry, random())),
                OnRetry = args =>
                {
                    CallState call = args.Context.Properties.GetValue(CallState.Key, null!);
                    string reason = OutcomeRules.Reason(Classified(args.Outcome, call));
                    telemetry.Retries.Add(1, new KeyValuePair<string, object?>("payments.operation", call.Operation), new KeyValuePair<string, object?>("payments.retry.reason", reason));
                    Log.Retrying(logger, call.Operation, args.AttemptNumber + 1, reason, (long)args.RetryDelay.TotalMilliseconds, call.IdempotencyKey ?? "none");
                    return default;
                },
            });
        }

        PaymentsCircuitBreakerOptions breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptOutcome>
            {
                Name = "circuit-breaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                ShouldHandle = args => new(OutcomeRules.CountsAsApiFailure(Classified(args.Outcome, args.Context.Properties.GetValue(CallState.Key, null!)))),
                OnOpened = args =>
                {
                    Log.CircuitOpened(logger, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    Log.CircuitClosed(logger);
                    return default;
                },
            });
        }

        if (options.RateLimit.Enabled)
        {
            (double perSecond, int burst) = KeyMode.PacedLimit(options.ApiKey!);
            double rate = options.RateLimit.RequestsPerSecond > 0 ? options.RateLimit.RequestsPerSecond : perSecond;
            int size = options.RateLimit.Burst > 0 ? options.RateLimit.Burst : burst;
            var bucket = new TokenBucket(time, rate, size);
            IPaymentsRateLimiter? shared = options.RateLimit.SharedLimiter;
            var tokens = new RateLimitReservations(bucket, shared, shared is null ? null : new PaymentsRateLimitBucket(KeyFingerprint.Of(options.ApiKey!), rate, size));
            builder.AddStrategy(_ => new ClientRateLimitStrategy(tokens, time, telemetry, logger), new ClientRateLimitStrategyOptions());
        }

        return builder.Build();
    }

    // Attempts end as outcomes; an exception here is the pipeline's own (the breaker refusing, the throttle).
    private static AttemptOutcome Classified(Outcome<AttemptOutcome> outcome, CallState call) =>
        outcome.Result ?? AttemptOutcome.FromException(outcome.Exception!, call, overallFired: false, attemptFired: false);
}
