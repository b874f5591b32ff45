using System.Diagnostics;
using System.Runtime.CompilerServices;
using Payments.Client.Diagnostics;
using Polly;

namespace Payments.Client.Pipeline;

/// <summary>
/// One attempt, the innermost step of the pipeline: a fresh request, sent under the attempt's own timeout,
/// its response read and classified. It never throws: every ending is an <see cref="AttemptOutcome"/>.
/// </summary>
/// <remarks>
/// The attempt timeout is a timer of its own rather than Polly's timeout strategy, so that whose
/// cancellation ended the attempt (the caller's, the overall deadline's, this timer's, or a handler's)
/// is read from the token that fired, not guessed from a clock afterwards.
/// </remarks>
internal sealed class AttemptSender(RequestBuilder requests, ResponseReader responses, TimeSpan attemptTimeout, TimeProvider time, PaymentsTelemetry telemetry)
{
    // Pooled: the attempt completes asynchronously on every real socket, and its box was ~280 B a call.
#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public async ValueTask<Outcome<AttemptOutcome>> SendAsync(HttpClient http, ResilienceContext context)
    {
        CallState call = context.Properties.GetValue(CallState.Key, null!);

        // The caller's token and the overall deadline's, as the pipeline hands them to the attempt.
        CancellationToken outer = context.CancellationToken;
        if (outer.IsCancellationRequested)
        {
            return Outcome.FromResult(AttemptOutcome.FromException(new OperationCanceledException(outer), call, overallFired: true, attemptFired: false));
        }

        // One token per attempt: its own timer, also cancelled by the outer token (HttpClient links it once more).
#if NET
        using var timer = new CancellationTokenSource(attemptTimeout, time);
        using CancellationTokenRegistration outerLink = outer.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timer);
#else
        // The TimeProvider constructor and UnsafeRegister are .NET Core only; Microsoft.Bcl.TimeProvider offers the same timer.
        using var timer = time.CreateCancellationTokenSource(attemptTimeout);
        using CancellationTokenRegistration outerLink = outer.Register(static state => ((CancellationTokenSource)state!).Cancel(), timer);
#endif
        using HttpRequestMessage request = requests.Build(call);
        call.HandedToTransport();
        using Activity? activity = StartActivity(call);
        AttemptOutcome outcome;
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token).ConfigureAwait(false);
            outcome = await responses.ReadAsync(response, call, timer.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = AttemptOutcome.FromException(ex, call, outer.IsCancellationRequested, timer.IsCancellationRequested);
        }

        Record(call, outcome, activity);
        return Outcome.FromResult(outcome);
    }

    // Internal: HttpClient's own span is the one CLIENT span per request; this one groups it with our retry facts.
    private static Activity? StartActivity(CallState call)
    {
        Activity? activity = PaymentsTelemetry.ActivitySource.StartActivity(call.Method.Method, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", call.Method.Method);
            activity.SetTag("url.full", call.Uri.AbsoluteUri);
            activity.SetTag("server.address", call.Uri.Host);
            activity.SetTag("server.port", call.Uri.Port);
            if (call.Attempts > 1)
            {
                activity.SetTag("http.request.resend_count", call.Attempts - 1);
            }
        }

        return activity;
    }

    private void Record(CallState call, AttemptOutcome outcome, Activity? activity)
    {
        var operation = new KeyValuePair<string, object?>("payments.operation", call.Operation);
        if (outcome.StatusCode == 0)
        {
            telemetry.Attempts.Add(1, operation);
        }
        else
        {
            telemetry.Attempts.Add(1, operation, new KeyValuePair<string, object?>("http.response.status_code", outcome.StatusCode));
        }

        if (activity is null)
        {
            return;
        }

        if (outcome.StatusCode != 0)
        {
            activity.SetTag("http.response.status_code", outcome.StatusCode);
        }

        if (outcome.Kind != OutcomeKind.Success)
        {
            activity.SetTag("error.type", outcome.Kind == OutcomeKind.ApiError ? OutcomeRules.Reason(outcome) : outcome.Cause?.GetType().FullName ?? OutcomeRules.Reason(outcome));
            activity.SetStatus(ActivityStatusCode.Error, outcome.Cause?.GetType().Name);
        }
    }
}
