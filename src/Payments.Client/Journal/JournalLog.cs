using Microsoft.Extensions.Logging;

namespace Payments.Client.Journal;

/// <summary>The journal's log lines: keys, references, charge ids and states, never a body.</summary>
internal static partial class JournalLog
{
    [LoggerMessage(201, LogLevel.Error, "The charge journal ({Store}) could not record the intent of charge {IdempotencyKey}; nothing was sent.")]
    public static partial void IntentNotRecorded(ILogger logger, string store, string idempotencyKey, Exception exception);

    [LoggerMessage(202, LogLevel.Error, "The charge journal ({Store}) could not record the answer for charge {IdempotencyKey}; recovery will re-send it with the same key, and the API replays the answer.")]
    public static partial void AnswerNotRecorded(ILogger logger, string store, string idempotencyKey, Exception exception);

    [LoggerMessage(203, LogLevel.Error, "Charge {IdempotencyKey} ({MerchantReference}) is in doubt: {Reason}. It is never re-sent, because a re-send could charge twice; reconcile it by hand.")]
    public static partial void InDoubt(ILogger logger, string idempotencyKey, string merchantReference, string reason);

    [LoggerMessage(204, LogLevel.Information, "Charge {IdempotencyKey} re-sent by recovery (send {Sends}); the API {Answer}.")]
    public static partial void Resent(ILogger logger, string idempotencyKey, int sends, string answer);

    [LoggerMessage(205, LogLevel.Debug, "Charge {IdempotencyKey} is {State}, settled by {SettledBy}.")]
    public static partial void Settled(ILogger logger, string idempotencyKey, ChargeJournalState state, string settledBy);

    [LoggerMessage(206, LogLevel.Warning, "The outcome handler failed for charge {IdempotencyKey} (run {Run}); it runs again at {RetryAt:O}.")]
    public static partial void OutcomeFailed(ILogger logger, string idempotencyKey, int run, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(207, LogLevel.Warning, "The outcome of charge {IdempotencyKey} was handled, but this instance no longer held its claim; another instance may run it again.")]
    public static partial void OutcomeClaimLost(ILogger logger, string idempotencyKey);

    [LoggerMessage(208, LogLevel.Warning, "Charge {IdempotencyKey} could not be settled now ({Reason}); recovery looks again at {NextCheckAt:O}.")]
    public static partial void NotSettled(ILogger logger, string idempotencyKey, string reason, DateTimeOffset nextCheckAt);

    [LoggerMessage(209, LogLevel.Warning, "The charge journal ({Store}) could not be reached during a recovery pass; the next pass tries again.")]
    public static partial void PassFailed(ILogger logger, string store, Exception exception);
}
