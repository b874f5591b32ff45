namespace Payments.Client.Journal;

/// <summary>
/// Turns an answer (a charge, or the typed error a call ended with) into what the journal records. An answer about
/// the request is final; an unknown outcome (timeout, 5xx after retries, connection failure, 429, circuit open, a
/// cancellation after an attempt may have reached the API) leaves the intent unresolved, to be re-sent.
/// </summary>
internal static class AnswerRecords
{
    public static ChargeJournalRecord FromCharge(string key, Charge charge, DateTimeOffset now, string settledBy, DateTimeOffset nextPoll) =>
        charge.Status == ChargeStatus.Succeeded ? Final(key, ChargeJournalState.Succeeded, now, settledBy, charge.Id, null)
        : charge.Status == ChargeStatus.Failed ? Final(key, ChargeJournalState.Failed, now, settledBy, charge.Id, charge.FailureReason?.ToString() ?? "failed")
        : new ChargeJournalRecord { IdempotencyKey = key, State = ChargeJournalState.Pending, At = now, ChargeId = charge.Id, NextCheckAt = nextPoll };

    /// <summary>The final record an error gives, or null when the outcome is unknown.</summary>
    /// <param name="key">The entry.</param>
    /// <param name="error">What the call ended with.</param>
    /// <param name="now">The time.</param>
    /// <param name="resend">True for a re-send: a 409 then means the key was used with another body, and the charge is in doubt.</param>
    public static ChargeJournalRecord? FromError(string key, Exception error, DateTimeOffset now, bool resend) => error switch
    {
        CardDeclinedException declined => Final(key, ChargeJournalState.Failed, now, SettledBy.Answer, null, declined.FailureReason?.ToString() ?? declined.ErrorCode ?? "card_declined"),
        IdempotencyConflictException conflict when resend => Final(key, ChargeJournalState.InDoubt, now, SettledBy.Recovery, null, conflict.ErrorCode ?? "idempotency_conflict"),
        InvalidRequestException or NotFoundException or IdempotencyConflictException or UnprocessableRequestException =>
            Final(key, ChargeJournalState.Rejected, now, SettledBy.Answer, null, ((PaymentsException)error).ErrorCode ?? "rejected"),
        PaymentsCanceledException { MayHaveReachedApi: false } => Final(key, ChargeJournalState.Rejected, now, SettledBy.Answer, null, "canceled_before_sending"),
        _ => null,
    };

    public static ChargeJournalRecord Final(string key, ChargeJournalState state, DateTimeOffset now, string settledBy, string? chargeId, string? reason) =>
        new() { IdempotencyKey = key, State = state, At = now, SettledBy = settledBy, ChargeId = chargeId, Reason = reason };

    public static TimeSpan Backoff(TimeSpan first, TimeSpan max, int count)
    {
        double factor = Math.Pow(2, Math.Min(Math.Max(count - 1, 0), 20));
        double ticks = Math.Min(first.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
