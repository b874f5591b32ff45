using Microsoft.Extensions.Logging;
using Payments.Client.Diagnostics;
using Polly;

namespace Payments.Client.Pipeline;

/// <summary>
/// Waits for the client's own rate limit before each attempt. A wait that would end past the call's
/// overall deadline is not started: the call fails at once with the wait it would have needed.
/// </summary>
internal sealed class ClientRateLimitStrategy : ResilienceStrategy<AttemptOutcome>
{
    private readonly RateLimitReservations _tokens;
    private readonly TimeProvider _time;
    private readonly PaymentsTelemetry _telemetry;
    private readonly ILogger _logger;

    public ClientRateLimitStrategy(RateLimitReservations tokens, TimeProvider time, PaymentsTelemetry telemetry, ILogger logger)
    {
        _tokens = tokens;
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
    }

    protected override async ValueTask<Outcome<AttemptOutcome>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<AttemptOutcome>>> callback,
        ResilienceContext context,
        TState state)
    {
        TimeSpan wait;
        bool shared;
        try
        {
            (wait, shared) = await _tokens.ReserveAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<AttemptOutcome>(ex);
        }

        if (wait > TimeSpan.Zero)
        {
            CallState call = context.Properties.GetValue(CallState.Key, null!);
            if (call.WaitEndsPastDeadline(wait, _time))
            {
                _tokens.Return(shared);
                return Outcome.FromException<AttemptOutcome>(new ClientThrottledException(wait));
            }

            _telemetry.RateLimitWaits.Add(1, new KeyValuePair<string, object?>("payments.operation", call.Operation));
            Log.RateLimitWait(_logger, call.Operation, (long)wait.TotalMilliseconds);
            try
            {
                await Task.Delay(wait, _time, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (OperationCanceledException ex)
            {
                _tokens.Return(shared);
                return Outcome.FromException<AttemptOutcome>(ex);
            }
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}

/// <summary>The client's own rate limit would have needed a wait past the overall deadline.</summary>
internal sealed class ClientThrottledException(TimeSpan wait) : Exception($"The client's own rate limit needs a wait of {wait.TotalSeconds:0.###} s, past the call's overall timeout.")
{
    public TimeSpan Wait { get; } = wait;
}
