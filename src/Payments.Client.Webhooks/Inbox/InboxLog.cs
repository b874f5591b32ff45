using Microsoft.Extensions.Logging;

namespace Payments.Client.Webhooks.Inbox;

/// <summary>The inbox processor's log lines: event ids, types and error messages, never a body.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(101, LogLevel.Debug, "Payments webhook {EventId} ({EventType}) processed from the inbox (attempt {Attempt}).")]
    public static partial void Processed(ILogger logger, string eventId, string eventType, int attempt);

    [LoggerMessage(102, LogLevel.Warning, "Payments webhook {EventId} ({EventType}) failed in attempt {Attempt}; next attempt at {NextAttemptAt:O}.")]
    public static partial void Failed(ILogger logger, string eventId, string eventType, int attempt, DateTimeOffset nextAttemptAt, Exception exception);

    [LoggerMessage(103, LogLevel.Error, "Payments webhook {EventId} ({EventType}) is a dead letter after {Attempts} attempts: {Reason}. Replay it with `payments inbox replay {EventId}` once the cause is fixed.")]
    public static partial void DeadLettered(ILogger logger, string eventId, string eventType, int attempts, string reason);

    [LoggerMessage(104, LogLevel.Warning, "The webhook inbox store could not be reached while {Action}; trying again.")]
    public static partial void StoreUnavailable(ILogger logger, string action, Exception exception);

    [LoggerMessage(105, LogLevel.Information, "Payments webhook {EventId} ({EventType}) given back to the inbox: the host is stopping.")]
    public static partial void Released(ILogger logger, string eventId, string eventType);

    [LoggerMessage(106, LogLevel.Warning, "Payments webhook {EventId}: this instance lost its lease while the handlers ran (another instance may run it).")]
    public static partial void LeaseLost(ILogger logger, string eventId);
}
