using Payments.Client.Journal;

namespace Payments.Client;

/// <summary>Recovery and settlement: one pass claims what is due, re-sends, polls, reports what is in doubt, then runs the outcomes.</summary>
public sealed partial class ChargeJournal
{
    /// <summary>
    /// Runs one recovery pass through <paramref name="client"/>: every unanswered intent that is due is re-sent with its
    /// key and exact body while inside <see cref="ChargeJournalOptions.ResendWindow"/> (past it, or when its row fails
    /// its checksum, it is reported in doubt and never re-sent); every pending charge that is due is polled with
    /// <c>GET /payments/charges/{id}</c>; then the outcome handler runs for each final state not yet handled.
    /// The hosted service calls this at start and every <see cref="ChargeJournalOptions.RecoveryInterval"/>; call it
    /// yourself from a worker, a test or after an incident (<c>payments journal recover</c>).
    /// </summary>
    /// <param name="client">The client to re-send and poll with (its rate limit paces the pass).</param>
    /// <param name="cancellationToken">Stops the pass; what is claimed returns when its lease ends.</param>
    /// <returns>What the pass did.</returns>
    public async Task<ChargeJournalPass> RunOnceAsync(PaymentsClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var pass = new PassCounts();

        // Each batch is claimed under a lease: entries that another instance holds, or that a live call holds, are skipped.
        IReadOnlyList<ChargeJournalEntry> batch;
        do
        {
            batch = await Store.ClaimDueAsync(_owner, _options.BatchSize, _time.GetUtcNow(), _options.Lease, cancellationToken).ConfigureAwait(false);
            foreach (ChargeJournalEntry entry in batch)
            {
                await ResolveAsync(client, entry, pass, cancellationToken).ConfigureAwait(false);
            }
        }
        while (batch.Count == _options.BatchSize);

        await RunOutcomesAsync(pass, cancellationToken).ConfigureAwait(false);
        _telemetry.SetCounts(await Store.CountByStateAsync(cancellationToken).ConfigureAwait(false));
        return pass.ToResult();
    }

    private async Task ResolveAsync(PaymentsClient client, ChargeJournalEntry entry, PassCounts pass, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (!JournalChecksum.Matches(entry))
        {
            await ReportInDoubtAsync(entry, "its row does not match its checksum (corrupted or written by something else)", pass, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (entry.State == ChargeJournalState.Pending && entry.ChargeId is not null)
        {
            await PollAsync(client, entry, pass, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (now - entry.CreatedAt >= _options.ResendWindow)
        {
            await ReportInDoubtAsync(entry, "no answer inside the API's idempotency key window; a re-send could charge twice", pass, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ResendAsync(client, entry, pass, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResendAsync(PaymentsClient client, ChargeJournalEntry entry, PassCounts pass, CancellationToken cancellationToken)
    {
        int sends = entry.Sends + 1;
        pass.Resent++;
        ChargeResult result;
        try
        {
            result = await client.ResendAsync(entry.IdempotencyKey, entry.Body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PaymentsException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _telemetry.Resends.Add(1, new KeyValuePair<string, object?>("payments.journal.answer", "unknown"));
            DateTimeOffset now = _time.GetUtcNow();
            ChargeJournalRecord record = (AnswerRecords.FromError(entry.IdempotencyKey, ex, now, resend: true)
                ?? new ChargeJournalRecord { IdempotencyKey = entry.IdempotencyKey, State = ChargeJournalState.Intent, At = now, NextCheckAt = now + AnswerRecords.Backoff(_options.FirstResendDelay, _options.MaxResendDelay, sends) })
                with { CountsSend = true };
            JournalLog.Resent(_logger, entry.IdempotencyKey, sends, ex.GetType().Name);
            await CountAsync(entry, record, pass, cancellationToken).ConfigureAwait(false);
            if (record.State == ChargeJournalState.Intent)
            {
                JournalLog.NotSettled(_logger, entry.IdempotencyKey, ex.Message, record.NextCheckAt!.Value);
            }

            return;
        }

        string answer = result.Replayed ? "replayed" : "answered";
        pass.Replayed += result.Replayed ? 1 : 0;
        _telemetry.Resends.Add(1, new KeyValuePair<string, object?>("payments.journal.answer", answer));
        JournalLog.Resent(_logger, entry.IdempotencyKey, sends, answer);
        DateTimeOffset at = _time.GetUtcNow();
        ChargeJournalRecord answered = AnswerRecords.FromCharge(entry.IdempotencyKey, result.Charge, at, SettledBy.Answer, at + AnswerRecords.Backoff(_options.FirstPollDelay, _options.MaxPollDelay, 1)) with { CountsSend = true };
        await CountAsync(entry, answered, pass, cancellationToken).ConfigureAwait(false);
    }

    private async Task PollAsync(PaymentsClient client, ChargeJournalEntry entry, PassCounts pass, CancellationToken cancellationToken)
    {
        int polls = entry.Polls + 1;
        pass.Polled++;
        _telemetry.Polls.Add(1);
        ChargeJournalRecord record;
        try
        {
            ChargeResult result = await client.GetChargeAsync(entry.ChargeId!, cancellationToken).ConfigureAwait(false);
            DateTimeOffset now = _time.GetUtcNow();
            record = AnswerRecords.FromCharge(entry.IdempotencyKey, result.Charge, now, SettledBy.Poll, now + AnswerRecords.Backoff(_options.FirstPollDelay, _options.MaxPollDelay, polls + 1));
        }
        catch (NotFoundException)
        {
            // The API answered for this charge before and now does not know it: nothing safe can be done automatically.
            record = AnswerRecords.Final(entry.IdempotencyKey, ChargeJournalState.InDoubt, _time.GetUtcNow(), SettledBy.Recovery, null, "the API no longer knows charge " + entry.ChargeId);
        }
        catch (Exception ex) when (ex is PaymentsException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            DateTimeOffset now = _time.GetUtcNow();
            record = new ChargeJournalRecord { IdempotencyKey = entry.IdempotencyKey, State = ChargeJournalState.Pending, At = now, NextCheckAt = now + AnswerRecords.Backoff(_options.FirstPollDelay, _options.MaxPollDelay, polls + 1) };
            JournalLog.NotSettled(_logger, entry.IdempotencyKey, ex.Message, record.NextCheckAt.Value);
        }

        await CountAsync(entry, record with { CountsPoll = true }, pass, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportInDoubtAsync(ChargeJournalEntry entry, string reason, PassCounts pass, CancellationToken cancellationToken)
    {
        JournalLog.InDoubt(_logger, entry.IdempotencyKey, entry.MerchantReference, reason);
        await CountAsync(entry, AnswerRecords.Final(entry.IdempotencyKey, ChargeJournalState.InDoubt, _time.GetUtcNow(), SettledBy.Recovery, null, reason), pass, cancellationToken).ConfigureAwait(false);
    }

    private async Task CountAsync(ChargeJournalEntry entry, ChargeJournalRecord record, PassCounts pass, CancellationToken cancellationToken)
    {
        bool applied = await ApplyAsync(entry.CreatedAt, record, cancellationToken).ConfigureAwait(false);
        if (applied && record.State is not (ChargeJournalState.Intent or ChargeJournalState.Pending))
        {
            pass.Settled++;
            pass.InDoubt += record.State == ChargeJournalState.InDoubt ? 1 : 0;
        }
    }

    private async Task RunOutcomesAsync(PassCounts pass, CancellationToken cancellationToken)
    {
        if (_outcomes is null)
        {
            return;
        }

        IReadOnlyList<ChargeJournalEntry> batch;
        do
        {
            batch = await Store.ClaimOutcomesAsync(_owner, _options.BatchSize, _time.GetUtcNow(), _options.Lease, cancellationToken).ConfigureAwait(false);
            foreach (ChargeJournalEntry entry in batch)
            {
                try
                {
                    await _outcomes.HandleAsync(entry, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    pass.OutcomesFailed++;
                    _telemetry.Outcomes.Add(1, new KeyValuePair<string, object?>("payments.journal.result", "failed"));
                    DateTimeOffset retryAt = _time.GetUtcNow() + AnswerRecords.Backoff(_options.OutcomeRetryDelay, TimeSpan.FromMinutes(10), entry.OutcomeRuns);
                    JournalLog.OutcomeFailed(_logger, entry.IdempotencyKey, entry.OutcomeRuns, retryAt, ex);
                    await Store.ReleaseOutcomeAsync(entry.IdempotencyKey, _owner, retryAt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (await Store.CompleteOutcomeAsync(entry.IdempotencyKey, _owner, cancellationToken).ConfigureAwait(false))
                {
                    pass.OutcomesHandled++;
                    _telemetry.Outcomes.Add(1, new KeyValuePair<string, object?>("payments.journal.result", "completed"));
                }
                else
                {
                    JournalLog.OutcomeClaimLost(_logger, entry.IdempotencyKey);
                }
            }
        }
        while (batch.Count == _options.BatchSize);
    }

    private sealed class PassCounts
    {
        public int Resent;
        public int Replayed;
        public int Polled;
        public int Settled;
        public int InDoubt;
        public int OutcomesHandled;
        public int OutcomesFailed;

        public ChargeJournalPass ToResult() => new()
        {
            Resent = Resent,
            Replayed = Replayed,
            Polled = Polled,
            Settled = Settled,
            InDoubt = InDoubt,
            OutcomesHandled = OutcomesHandled,
            OutcomesFailed = OutcomesFailed,
        };
    }
}
