using System.Text;
using Microsoft.AspNetCore.Http;
using Payments.Client.Testing.Faults;
using Payments.Client.Testing.Internal;
using Payments.Client.Testing.RateLimiting;
using Payments.Client.Testing.Requests;
using Payments.Client.Testing.Rules;

namespace Payments.Client.Testing.Http;

/// <summary>
/// One request's way through the fake: recorded on arrival, then a fault (if one is due), then
/// authentication, the rate limit and the route, then any fault that acts on the answer.
/// </summary>
internal sealed class ApiHandler
{
    private const int MaxBodyBytes = 1024 * 1024;
    private const string ChargePath = "/v1/payments/charge";
    private const string ChargesPrefix = "/v1/payments/charges/";

    private readonly RequestLog _log;
    private readonly FaultInjector _faults;
    private readonly BearerAuth _auth;
    private readonly RateLimiter _rateLimiter;
    private readonly ChargeEndpoint _charge;
    private readonly GetChargeEndpoint _getCharge;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;

    public ApiHandler(RequestLog log, FaultInjector faults, BearerAuth auth, RateLimiter rateLimiter, ChargeEndpoint charge, GetChargeEndpoint getCharge, TimeProvider time, CancellationToken stopping)
    {
        _log = log;
        _faults = faults;
        _auth = auth;
        _rateLimiter = rateLimiter;
        _charge = charge;
        _getCharge = getCharge;
        _time = time;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        CancellationToken cancellationToken = cancellation.Token;
        byte[]? body = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
        int sequence = _log.Begin(Record(context.Request, body ?? []));

        Fault? fault = _faults.Next(_time.GetUtcNow());
        string? faultName = fault?.Describe();
        if (fault?.Kind == FaultKind.Drop)
        {
            _log.Complete(sequence, 0, faultName, replayed: false);
            context.Abort();
            return;
        }

        ApiResponse response;
        try
        {
            response = fault?.Kind switch
            {
                FaultKind.Fail => Injected(fault.Status, fault.Body),
                FaultKind.RateLimit => ApiResponse.Error(ApiErrors.RateLimited()) with { RetryAfter = fault.RetryAfter },
                _ => body is null
                    ? ApiResponse.Error(ApiErrors.Malformed($"The request body is larger than {MaxBodyBytes} bytes.")) with { Status = 413 }
                    : await ProcessAsync(context.Request, body, cancellationToken).ConfigureAwait(false),
            };

            switch (fault?.Kind)
            {
                case FaultKind.ProcessThenDrop:
                    _log.Complete(sequence, 0, faultName, response.Replayed);
                    context.Abort();
                    return;
                case FaultKind.ProcessThenFail:
                    response = Injected(fault.Status, FaultBody.Json);
                    break;
                case FaultKind.ProcessThenCutBody:
                    _log.Complete(sequence, 0, faultName, response.Replayed);
                    await WriteAsync(context.Response, response with { Body = response.Body[..(response.Body.Length / 2)] }, cancellationToken, declaredLength: response.Body.Length).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                    context.Abort();
                    return;
                case FaultKind.Delay:
                    // Armed before the log shows the fault, so a test that sees it can advance a fake clock safely.
                    Task held = Task.Delay(fault.Delay, _time, cancellationToken);
                    _log.MarkFault(sequence, faultName!);
                    await held.ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away (or the fake is stopping) while the request waited.
            _log.Complete(sequence, 0, faultName is null ? "client disconnected" : faultName + ", client disconnected", replayed: false);
            context.Abort();
            return;
        }

        _log.Complete(sequence, response.Status, faultName, response.Replayed);
        await WriteAsync(context.Response, response, cancellationToken).ConfigureAwait(false);
    }

    private static ApiResponse Injected(int status, FaultBody body) => body switch
    {
        FaultBody.Html => new ApiResponse(status, Encoding.UTF8.GetBytes($"<html><body><h1>{status}</h1><p>Injected fault.</p></body></html>")) { ContentType = "text/html; charset=utf-8" },
        FaultBody.Empty => new ApiResponse(status, []) { ContentType = "text/plain" },
        _ => ApiResponse.Error(ApiErrors.Injected(status)),
    };

    private RecordedRequest Record(HttpRequest request, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        return new RecordedRequest
        {
            Sequence = 0,
            Method = request.Method,
            Path = request.Path.Value ?? string.Empty,
            Headers = headers.AsReadOnly(),
            IdempotencyKey = headers.GetValueOrDefault("Idempotency-Key"),
            Body = Encoding.UTF8.GetString(body),
            ReceivedAt = _time.GetUtcNow(),
        };
    }

    /// <returns>Null when the body is larger than the fake accepts.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpResponse http, ApiResponse response, CancellationToken cancellationToken, int? declaredLength = null)
    {
        http.StatusCode = response.Status;
        http.ContentType = response.ContentType;
        http.ContentLength = declaredLength ?? response.Body.Length;
        http.Headers["Request-Id"] = Ids.New("req_");
        if (response.RetryAfter is not null)
        {
            http.Headers.RetryAfter = response.RetryAfter;
        }

        if (response.Replayed)
        {
            http.Headers["Idempotent-Replayed"] = "true";
        }

        await http.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiResponse> ProcessAsync(HttpRequest request, byte[] body, CancellationToken cancellationToken)
    {
        if (_auth.Check(request) is { } unauthorized)
        {
            return ApiResponse.Error(unauthorized);
        }

        if (!_rateLimiter.TryAcquire(out int retryAfterSeconds))
        {
            return ApiResponse.Error(ApiErrors.RateLimited()) with { RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        string path = request.Path.Value ?? string.Empty;
        if (HttpMethods.IsPost(request.Method) && path == ChargePath)
        {
            return await _charge.HandleAsync(request, body, cancellationToken).ConfigureAwait(false);
        }

        if (HttpMethods.IsGet(request.Method) && path.StartsWith(ChargesPrefix, StringComparison.Ordinal) &&
            path.Length > ChargesPrefix.Length && path.IndexOf('/', ChargesPrefix.Length) < 0)
        {
            return _getCharge.Handle(path[ChargesPrefix.Length..]);
        }

        return ApiResponse.Error(ApiErrors.RouteNotFound(request.Method, path));
    }
}
