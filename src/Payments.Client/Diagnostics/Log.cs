using Microsoft.Extensions.Logging;

namespace Payments.Client.Diagnostics;

/// <summary>
/// Every log line of the client. Ids and keys only: never the API key, never a request or response body.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Payments {Operation} succeeded: charge {ChargeId} is {Status} after {Attempts} attempt(s). Idempotency key {IdempotencyKey}, request id {RequestId}.")]
    public static partial void CallSucceeded(ILogger logger, string operation, string chargeId, string status, int attempts, string? idempotencyKey, string? requestId);

    [LoggerMessage(2, LogLevel.Warning, "Payments {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms. Idempotency key {IdempotencyKey} (the same on every attempt).")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, long delayMs, string? idempotencyKey);

    /// <summary>Information for answers about the request (a decline is business as usual), Warning when the API or the network failed.</summary>
    [LoggerMessage(EventId = 3, Message = "Payments {Operation} failed with {ErrorKind} (HTTP {StatusCode}, code {ErrorCode}) after {Attempts} attempt(s). Idempotency key {IdempotencyKey}, request id {RequestId}.")]
    public static partial void CallFailed(ILogger logger, LogLevel level, string operation, string errorKind, int statusCode, string? errorCode, int attempts, string? idempotencyKey, string? requestId);

    [LoggerMessage(4, LogLevel.Information, "Payments {Operation} waits {DelayMs} ms for the client's own rate limit.")]
    public static partial void RateLimitWait(ILogger logger, string operation, long delayMs);

    [LoggerMessage(5, LogLevel.Warning, "Payments circuit opened for {BreakSeconds} s after failing attempts; calls fail fast until then.")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(6, LogLevel.Information, "Payments circuit closed; calls flow again.")]
    public static partial void CircuitClosed(ILogger logger);

    /// <summary>Once per cancelled call, with the key, so a merchant who lost the exception can still retry safely.</summary>
    [LoggerMessage(7, LogLevel.Information, "Payments {Operation} was cancelled by the caller after {Attempts} attempt(s) (may have reached the API: {MayHaveReachedApi}). Idempotency key {IdempotencyKey}.")]
    public static partial void CallCanceled(ILogger logger, string operation, int attempts, bool mayHaveReachedApi, string? idempotencyKey);
}
