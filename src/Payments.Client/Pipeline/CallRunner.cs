using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Payments.Client.Diagnostics;
using System.Runtime.CompilerServices;
using Polly;

namespace Payments.Client.Pipeline;

/// <summary>
/// Runs one call through the pipeline, under a call span, and ends it: the charge with how it was delivered
/// (the same <see cref="ChargeResult"/> for a charge and a read), or the exception <see cref="OutcomeRules"/> gives for how the call ended. Logs and metrics
/// record each call once.
/// </summary>
internal sealed class CallRunner(
    ResiliencePipeline<AttemptOutcome> pipeline,
    AttemptSender sender,
    PaymentsTelemetry telemetry,
    ILogger logger,
    TimeProvider time,
    TimeSpan attemptTimeout,
    TimeSpan overallTimeout)
{
    public async Task<ChargeResult> RunAsync(HttpClient http, CallState call)
    {
        long started = time.GetTimestamp();
        using Activity? activity = PaymentsTelemetry.ActivitySource.StartActivity(ActivityName(call.Operation), ActivityKind.Internal);
        activity?.SetTag("payments.operation", call.Operation);
        activity?.SetTag("payments.idempotency_key", call.IdempotencyKey);

        AttemptOutcome outcome = await RunPipelineAsync(http, call).ConfigureAwait(false);

        activity?.SetTag("payments.attempts", call.Attempts);
        if (outcome.Kind == OutcomeKind.Success)
        {
            Charge charge = outcome.Charge!;
            activity?.SetTag("payments.charge_id", charge.Id);
            Log.CallSucceeded(logger, call.Operation, charge.Id, charge.Status.ToString(), call.Attempts, call.IdempotencyKey ?? "none", outcome.RequestId ?? "none");
            RecordCall(call, "success", started);
            activity?.SetTag("payments.replayed", outcome.Replayed);
            return new ChargeResult(charge, call.IdempotencyKey, outcome.RequestId, call.Attempts) { Replayed = outcome.Replayed };
        }

        Exception error = OutcomeRules.ToException(outcome, call, attemptTimeout, overallTimeout);
        string kind = error is PaymentsCanceledException ? "canceled" : error.GetType().Name;
        activity?.SetStatus(ActivityStatusCode.Error, (error as PaymentsException)?.ErrorCode ?? kind);
        activity?.SetTag("error.type", kind);
        if (error is PaymentsException failure)
        {
            activity?.SetTag("payments.request_id", failure.RequestId);
            Log.CallFailed(logger, failure.StatusCode is >= 400 and < 500 and not 429 ? LogLevel.Information : LogLevel.Warning, call.Operation, kind, failure.StatusCode, failure.ErrorCode ?? "none", call.Attempts, call.IdempotencyKey ?? "none", failure.RequestId ?? "none");
        }
        else
        {
            Log.CallCanceled(logger, call.Operation, call.Attempts, call.MayHaveReachedApi, call.IdempotencyKey ?? "none");
        }

        RecordCall(call, kind, started);
        throw error;
    }

    // Known operations get a constant name: concatenating per call cost 56 B even with no listener.
    private static string ActivityName(string operation) => operation switch
    {
        "charge" => "Payments charge",
        "get_charge" => "Payments get_charge",
        _ => "Payments " + operation,
    };

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<AttemptOutcome> RunPipelineAsync(HttpClient http, CallState call)
    {
        if (call.CallerToken.IsCancellationRequested)
        {
            return AttemptOutcome.FromException(new OperationCanceledException(call.CallerToken), call, overallFired: false, attemptFired: false);
        }

        // The overall deadline is one timer per call on the client's clock, which the caller's token also
        // cancels: every attempt and every wait between attempts runs under it. (Polly's timeout strategy
        // cost an async box per call and a second linked token per attempt.)
#if NET
        using var overall = new CancellationTokenSource(overallTimeout, time);
        using CancellationTokenRegistration callerLink = call.CallerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), overall);
#else
        // The TimeProvider constructor and UnsafeRegister are .NET Core only; Microsoft.Bcl.TimeProvider offers the same timer.
        using var overall = time.CreateCancellationTokenSource(overallTimeout);
        using CancellationTokenRegistration callerLink = call.CallerToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), overall);
#endif
        ResilienceContext context = ResilienceContextPool.Shared.Get(overall.Token);
        context.Properties.Set(CallState.Key, call);
        try
        {
            Outcome<AttemptOutcome> result = await pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Sender.SendAsync(state.Http, ctx),
                context,
                (Sender: sender, Http: http)).ConfigureAwait(false);

            // An exception here never came from an attempt (those end as outcomes): the breaker refused, the
            // client's throttle refused, or a wait between attempts was cut by the caller or the overall timeout.
            return result.Result ?? AttemptOutcome.FromException(result.Exception!, call, overallFired: overall.IsCancellationRequested, attemptFired: false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private void RecordCall(CallState call, string outcome, long started)
    {
        var operationTag = new KeyValuePair<string, object?>("payments.operation", call.Operation);
        var outcomeTag = new KeyValuePair<string, object?>("payments.outcome", outcome);
        telemetry.Calls.Add(1, operationTag, outcomeTag);
        telemetry.CallDuration.Record(time.GetElapsedTime(started).TotalSeconds, operationTag, outcomeTag);
    }
}
