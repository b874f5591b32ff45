using Microsoft.Extensions.Logging;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>The endpoint's log lines: reasons and event ids, never a body or a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Payments webhook rejected with {StatusCode}: {Reason}.")]
    public static partial void Rejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(2, LogLevel.Information, "Payments webhook {EventId} ({EventType}) was already handled; answered without running handlers.")]
    public static partial void Duplicate(ILogger logger, string eventId, string eventType);

    [LoggerMessage(3, LogLevel.Information, "Payments webhook {EventId} ({EventType}) is being handled by another delivery; asked the sender to retry.")]
    public static partial void InProgress(ILogger logger, string eventId, string eventType);

    [LoggerMessage(4, LogLevel.Error, "Payments webhook {EventId} ({EventType}) handler failed; answered 500 so the sender delivers it again.")]
    public static partial void HandlerFailed(ILogger logger, string eventId, string eventType, Exception exception);

    [LoggerMessage(5, LogLevel.Debug, "Payments webhook {EventId} ({EventType}) handled.")]
    public static partial void Handled(ILogger logger, string eventId, string eventType);

    // Information, without a stack trace: a slow or vanished sender is the network's weather, not a fault here.
    [LoggerMessage(6, LogLevel.Information, "Payments webhook body not received: {Reason}; answered {StatusCode}.")]
    public static partial void BodyNotReceived(ILogger logger, string reason, int statusCode);

    [LoggerMessage(7, LogLevel.Information, "Payments webhook body not received: {Reason}; the sender is gone, nothing answered.")]
    public static partial void SenderGone(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Payments webhook {EventId} ({EventType}): the deduplication store is unavailable; answered 503 so the sender delivers it again, handlers not run.")]
    public static partial void StoreUnavailable(ILogger logger, string eventId, string eventType, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Payments webhook {EventId} ({EventType}) was created at {CreatedAt:O}, older than the {Window} deduplication window less {Skew} for clock skew: answered 200 without running handlers (a replay of a captured delivery would look like this).")]
    public static partial void TooOld(ILogger logger, string eventId, string eventType, DateTimeOffset createdAt, TimeSpan window, TimeSpan skew);

    [LoggerMessage(10, LogLevel.Debug, "Payments webhook {EventId} ({EventType}) stored in the inbox.")]
    public static partial void Stored(ILogger logger, string eventId, string eventType);

    [LoggerMessage(11, LogLevel.Warning, "Payments webhook {EventId} ({EventType}): the inbox could not store it; answered 503 so the sender delivers it again.")]
    public static partial void InboxUnavailable(ILogger logger, string eventId, string eventType, Exception exception);
}
