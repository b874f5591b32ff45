using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Payments.Client.Diagnostics;
using Payments.Client.Pipeline;
using Payments.Client.Serialization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Payments.Client;

/// <summary>
/// Everything a client needs that does not change after it is built (a snapshot of the options, the
/// pipeline, telemetry), and the running of one call through it. Built once per options value and shared
/// by every client made from it, so the rate limit and circuit breaker are shared too.
/// </summary>
internal sealed class ClientCore
{
    private static readonly string UserAgent = $"Payments.Client/{PaymentsTelemetry.Version} (.NET {Environment.Version.ToString(2)})";

    private readonly string _authorization;
    private readonly bool _testKey;

    private ClientCore(PaymentsClientOptions options, TimeProvider time, ILoggerFactory loggerFactory, IMeterFactory? meterFactory)
    {
        Uri baseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
        ChargeUri = new Uri(baseAddress, "payments/charge");
        ChargesBaseUri = new Uri(baseAddress, "payments/charges/");
        WireFormat = options.WireFormat;
        OverallTimeout = options.OverallTimeout;
        Time = time;
        Logger = loggerFactory.CreateLogger("Payments.Client");
        Telemetry = new PaymentsTelemetry(meterFactory);
        Pipeline = PipelineFactory.Create(options, time, Telemetry, Logger);
        _authorization = "Bearer " + options.ApiKey;
        _testKey = KeyMode.IsTest(options.ApiKey!);
    }

    public Uri ChargeUri { get; }

    public Uri ChargesBaseUri { get; }

    public PaymentsWireFormat WireFormat { get; }

    public TimeSpan OverallTimeout { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public PaymentsTelemetry Telemetry { get; }

    public ResiliencePipeline<HttpAttempt> Pipeline { get; }

    public IdempotencyKeyGenerator Keys { get; } = new();

    public static ClientCore Create(PaymentsClientOptions options, TimeProvider time, ILoggerFactory loggerFactory, IMeterFactory? meterFactory = null)
    {
        PaymentsClientOptionsValidator.ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new ClientCore(options, time, loggerFactory, meterFactory);
    }

    public CallState NewCall(string operation, HttpMethod method, Uri uri, ReadOnlyMemory<byte> body, string? idempotencyKey) =>
        new(operation, method, uri, body, idempotencyKey, Time.GetTimestamp() + (long)(OverallTimeout.TotalSeconds * Time.TimestampFrequency));

    /// <summary>
    /// Runs one call through the pipeline and shapes its charge into the caller's result, or throws the one
    /// typed error that fits. Failures are logged from exception filters, so an error is thrown once and
    /// never caught and rethrown on its way out (each rethrow across an async frame costs microseconds).
    /// </summary>
    public async Task<TResult> RunAsync<TResult>(HttpClient http, CallState call, Func<Charge, string?, CallState, TResult> shape, CancellationToken cancellationToken)
    {
        long started = Time.GetTimestamp();
        using Activity? activity = PaymentsTelemetry.ActivitySource.StartActivity("Payments " + call.Operation, ActivityKind.Internal);
        activity?.SetTag("payments.operation", call.Operation);
        activity?.SetTag("payments.idempotency_key", call.IdempotencyKey);
        string outcome = "success";
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryRules.CallStateKey, call);
        try
        {
            Outcome<HttpAttempt> result = await Pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Core.SendOnceAsync(state.Http, ctx),
                context,
                (Core: this, Http: http)).ConfigureAwait(false);
            using HttpAttempt attempt = Translate(result, call, cancellationToken);
            Charge charge = ReadCharge(attempt, call);
            activity?.SetTag("payments.charge_id", charge.Id);
            Log.CallSucceeded(Logger, call.Operation, charge.Id, charge.Status.ToString(), call.Attempts, call.IdempotencyKey ?? "none", attempt.RequestId ?? "none");
            return shape(charge, attempt.RequestId, call);
        }
        catch (PaymentsException error) when (Failed(error, call, activity, out outcome))
        {
            throw; // unreachable: the filter records the failure and declines to catch
        }
        catch (OperationCanceledException) when (Canceled(activity, out outcome))
        {
            throw; // unreachable, as above
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            activity?.SetTag("payments.attempts", call.Attempts);
            var operationTag = new KeyValuePair<string, object?>("payments.operation", call.Operation);
            var outcomeTag = new KeyValuePair<string, object?>("payments.outcome", outcome);
            Telemetry.Calls.Add(1, operationTag, outcomeTag);
            Telemetry.CallDuration.Record(Time.GetElapsedTime(started).TotalSeconds, operationTag, outcomeTag);
        }
    }

    private bool Failed(PaymentsException error, CallState call, Activity? activity, out string outcome)
    {
        outcome = error.GetType().Name;
        activity?.SetStatus(ActivityStatusCode.Error, error.ErrorCode ?? outcome);
        activity?.SetTag("error.type", outcome);
        activity?.SetTag("payments.request_id", error.RequestId);
        Log.CallFailed(Logger, error.StatusCode is >= 400 and < 500 and not 429 ? LogLevel.Information : LogLevel.Warning, call.Operation, outcome, error.StatusCode, error.ErrorCode ?? "none", call.Attempts, call.IdempotencyKey ?? "none", error.RequestId ?? "none");
        return false;
    }

    private static bool Canceled(Activity? activity, out string outcome)
    {
        outcome = "canceled";
        activity?.SetStatus(ActivityStatusCode.Error, outcome);
        return false;
    }

    /// <summary>The pipeline's last outcome as a successful attempt, or the one typed error that fits it.</summary>
    private HttpAttempt Translate(Outcome<HttpAttempt> outcome, CallState call, CancellationToken cancellationToken)
    {
        switch (outcome.Exception)
        {
            case null:
                break;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                outcome.ThrowIfException();
                break;
            case TimeoutRejectedException ex:
                string what = call.WaitEndsPastDeadline(TimeSpan.Zero, Time) ? $"overall timeout of {OverallTimeout.TotalSeconds:0.###} s" : $"attempt timeout of {ex.Timeout.TotalSeconds:0.###} s";
                throw ErrorFactory.TimedOut(what, ex, call.IdempotencyKey, call.Attempts);
            case OperationCanceledException ex:
                // Not the caller's token: the HttpClient's own Timeout or a handler gave up.
                throw ErrorFactory.TimedOut("HttpClient's timeout", ex, call.IdempotencyKey, call.Attempts);
            case HttpRequestException ex:
                throw ErrorFactory.ConnectionFailed(ex, call.IdempotencyKey, call.Attempts);
            case BrokenCircuitException ex:
                throw ErrorFactory.CircuitOpen(ex, call.IdempotencyKey, call.Attempts);
            case ClientThrottledException ex:
                throw ErrorFactory.ClientThrottled(ex, call.IdempotencyKey, call.Attempts);
            case InvalidDataException ex:
                throw ErrorFactory.UnreadableResponse(0, ex, null, call.IdempotencyKey, call.Attempts);
            case IOException ex:
                throw ErrorFactory.ConnectionFailed(ex, call.IdempotencyKey, call.Attempts);
            case { } ex:
                // Anything else (a disposed HttpClient, a merchant handler's bug) still ends typed and carries the
                // key: the charge may have happened, and only the same key retries it safely.
                throw ErrorFactory.Unexpected(ex, call.IdempotencyKey, call.Attempts);
        }

        HttpAttempt attempt = outcome.Result!;
        if (attempt.IsSuccess)
        {
            return attempt;
        }

        using (attempt)
        {
            throw ErrorFactory.FromResponse(attempt.StatusCode, ErrorJsonReader.TryRead(attempt.Body), attempt.RequestId, call.IdempotencyKey, attempt.RetryAfter, call.Attempts);
        }
    }

    private async ValueTask<Outcome<HttpAttempt>> SendOnceAsync(HttpClient http, ResilienceContext context)
    {
        CallState call = context.Properties.GetValue(RetryRules.CallStateKey, null!);
        int attemptNumber = ++call.Attempts;
        using Activity? activity = PaymentsTelemetry.ActivitySource.StartActivity(call.Method.Method, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", call.Method.Method);
            activity.SetTag("url.full", call.Uri.AbsoluteUri);
            activity.SetTag("server.address", call.Uri.Host);
            activity.SetTag("server.port", call.Uri.Port);
            if (attemptNumber > 1)
            {
                activity.SetTag("http.request.resend_count", attemptNumber - 1);
            }
        }

        string statusTag = "none";
        try
        {
            using HttpRequestMessage request = CreateRequest(call);
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken).ConfigureAwait(false);
            HttpAttempt attempt = await HttpAttempt.ReadAsync(response, Time, context.CancellationToken).ConfigureAwait(false);
            statusTag = attempt.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            activity?.SetTag("http.response.status_code", attempt.StatusCode);
            if (!attempt.IsSuccess)
            {
                activity?.SetTag("error.type", statusTag);
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            return Outcome.FromResult(attempt);
        }
        catch (Exception ex)
        {
            activity?.SetTag("error.type", ex.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return Outcome.FromException<HttpAttempt>(ex);
        }
        finally
        {
            Telemetry.Attempts.Add(1, new KeyValuePair<string, object?>("payments.operation", call.Operation), new KeyValuePair<string, object?>("http.response.status_code", statusTag));
        }
    }

    /// <summary>A fresh request per attempt, carrying the call's one idempotency key.</summary>
    private HttpRequestMessage CreateRequest(CallState call)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (call.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", call.IdempotencyKey);
        }

        if (!call.Body.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(call.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }

        return request;
    }

    private Charge ReadCharge(HttpAttempt attempt, CallState call)
    {
        Charge charge;
        try
        {
            charge = ChargeJsonReader.ReadResponse(attempt.Body);
        }
        catch (JsonException ex)
        {
            throw ErrorFactory.UnreadableResponse(attempt.StatusCode, ex, attempt.RequestId, call.IdempotencyKey, call.Attempts);
        }

        // A test key never moves real money: a live charge in answer means the base address is not the
        // environment the key belongs to. Reported, never passed off as an ordinary success.
        if (_testKey && charge.Livemode == true)
        {
            throw ErrorFactory.LivemodeMismatch(charge.Id, attempt.StatusCode, attempt.RequestId, call.IdempotencyKey, call.Attempts);
        }

        return charge;
    }
}
