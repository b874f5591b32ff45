using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Client.Journal;
using Payments.Client.Pipeline;

namespace Payments.Client;

/// <summary>
/// The charge journal: a client given one commits each charge's intent (key, exact body, merchant reference, time)
/// before sending it and records each answer; <see cref="RunOnceAsync"/> re-sends unanswered intents with the same key
/// and body inside the API's key window, polls pending charges, and runs the <see cref="IChargeOutcomeHandler"/> once
/// per final state. Register it with <c>AddSqliteChargeJournal</c> or <c>AddPostgreSqlChargeJournal</c>, which also run
/// the passes in a hosted service. Thread-safe; one per store.
/// </summary>
public sealed partial class ChargeJournal
{
    /// <summary>The <see cref="ChargeRequest.Metadata"/> entry that names the merchant's reference (an order id); without it the reference is the idempotency key.</summary>
    public const string MerchantReferenceKey = "merchant_reference";

    private readonly ChargeJournalOptions _options;
    private readonly IChargeOutcomeHandler? _outcomes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JournalTelemetry _telemetry;
    private readonly string _owner = Guid.NewGuid().ToString("N");
    private Task? _schema;

    /// <summary>Creates a journal over a store.</summary>
    /// <param name="store">Where entries are kept.</param>
    /// <param name="options">Recovery and settlement settings; the defaults when null.</param>
    /// <param name="outcomeHandler">Called once per charge's final state; outcomes wait in the journal when null.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Where to log; nothing is logged when null.</param>
    /// <param name="meterFactory">Where the metrics go; a shared meter when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ChargeJournal(IChargeJournalStore store, ChargeJournalOptions? options = null, IChargeOutcomeHandler? outcomeHandler = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _options = options ?? new ChargeJournalOptions();
        _options.ThrowIfInvalid();
        Store = store;
        _outcomes = outcomeHandler;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Payments.Client.Journal");
        _telemetry = new JournalTelemetry(meterFactory);
    }

    /// <summary>
    /// Creates a client that journals every charge here (without DI; with it, the store packages' <c>AddSqliteChargeJournal</c>
    /// or <c>AddPostgreSqlChargeJournal</c> on the builder <c>AddPaymentsClient</c> returns do this). It uses the journal's clock.
    /// </summary>
    /// <param name="httpClient">The transport, as for <see cref="PaymentsClient(HttpClient, PaymentsClientOptions, TimeProvider?, ILoggerFactory?)"/>.</param>
    /// <param name="options">The settings, read once and validated now.</param>
    /// <param name="loggerFactory">Where the client logs; nothing is logged when null.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting at fault.</exception>
    public PaymentsClient CreateClient(HttpClient httpClient, PaymentsClientOptions options, ILoggerFactory? loggerFactory = null) =>
        new(httpClient, ClientCore.Create(options, _time, loggerFactory ?? NullLoggerFactory.Instance), this);

    /// <summary>The store.</summary>
    public IChargeJournalStore Store { get; }

    /// <summary>The settings (do not change them after the journal is built).</summary>
    public ChargeJournalOptions Options => _options;

    /// <summary>Entries whose key, merchant reference or charge id is <paramref name="id"/>, newest first.</summary>
    /// <param name="id">A key, a merchant reference or a charge id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matches.</returns>
    public async Task<IReadOnlyList<ChargeJournalEntry>> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await Store.FindAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entries matching <paramref name="filter"/>, newest first: for an admin page.</summary>
    /// <param name="filter">Which entries.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The entries.</returns>
    public async Task<IReadOnlyList<ChargeJournalEntry>> ListAsync(ChargeJournalFilter filter, int limit = 100, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be positive.");
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await Store.ListAsync(filter, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Settles a journaled pending charge from what a webhook says (the webhook endpoint or inbox calls this when
    /// registered in the same app). A charge the journal does not know, or knows as final already, is left alone.
    /// </summary>
    /// <param name="charge">The charge as the event carries it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>True when it settled a journaled charge.</returns>
    public async Task<bool> SettleFromWebhookAsync(Charge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        if (!charge.Status.IsTerminal)
        {
            return false;
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        foreach (ChargeJournalEntry entry in await Store.FindAsync(charge.Id, cancellationToken).ConfigureAwait(false))
        {
            if (entry.IsUnresolved && string.Equals(entry.ChargeId, charge.Id, StringComparison.Ordinal))
            {
                DateTimeOffset now = _time.GetUtcNow();
                return await ApplyAsync(entry.CreatedAt, AnswerRecords.FromCharge(entry.IdempotencyKey, charge, now, SettledBy.Webhook, now), cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    internal static string MerchantReferenceOf(ChargeRequest request, string idempotencyKey) =>
        request.Metadata is { } metadata && metadata.TryGetValue(MerchantReferenceKey, out string? reference) && !string.IsNullOrWhiteSpace(reference)
            ? reference
            : idempotencyKey;

    /// <summary>The journaled charge: intent committed first (or nothing is sent), then the call, then its answer recorded. The caller sees exactly what the call gives.</summary>
    internal async Task<ChargeResult> ChargeAsync(ClientCore core, HttpClient http, CallState call, string key, string merchantReference, byte[] body, CancellationToken cancellationToken)
    {
        DateTimeOffset intentAt = _time.GetUtcNow();
        await CommitIntentAsync(key, merchantReference, body, intentAt, cancellationToken).ConfigureAwait(false);

        ChargeResult result;
        try
        {
            result = await core.RunAsync(http, call).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PaymentsException or OperationCanceledException)
        {
            await RecordErrorAsync(key, intentAt, ex, resend: false, sends: 1).ConfigureAwait(false);
            throw;
        }

        await RecordAnswerAsync(key, intentAt, result.Charge, polls: 0).ConfigureAwait(false);
        return result;
    }

    private async Task CommitIntentAsync(string key, string merchantReference, byte[] body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var intent = new ChargeJournalEntry
        {
            IdempotencyKey = key,
            MerchantReference = merchantReference,
            Body = body,
            Checksum = JournalChecksum.Compute(key, body),
            CreatedAt = now,
            State = ChargeJournalState.Intent,
            NextCheckAt = now + _options.Lease,
            Sends = 1,
        };
        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

            // False: the caller passed a key journaled before (a retry of its own); sending again is safe, the API replays.
            await Store.TryAddIntentAsync(intent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            JournalLog.IntentNotRecorded(_logger, Store.Description, key, ex);
            throw new PaymentsException($"The charge journal ({Store.Description}) could not record the charge before sending it, so nothing was sent; retrying with idempotency key {key} is safe. {ex.Message}", ex)
            {
                IdempotencyKey = key,
            };
        }
    }

    private async Task RecordAnswerAsync(string key, DateTimeOffset intentAt, Charge charge, int polls)
    {
        DateTimeOffset now = _time.GetUtcNow();
        ChargeJournalRecord record = AnswerRecords.FromCharge(key, charge, now, SettledBy.Answer, now + AnswerRecords.Backoff(_options.FirstPollDelay, _options.MaxPollDelay, polls + 1));
        await ApplyOrLogAsync(intentAt, record).ConfigureAwait(false);
    }

    private async Task RecordErrorAsync(string key, DateTimeOffset intentAt, Exception error, bool resend, int sends)
    {
        DateTimeOffset now = _time.GetUtcNow();
        ChargeJournalRecord record = AnswerRecords.FromError(key, error, now, resend)
            ?? new ChargeJournalRecord { IdempotencyKey = key, State = ChargeJournalState.Intent, At = now, NextCheckAt = now + AnswerRecords.Backoff(_options.FirstResendDelay, _options.MaxResendDelay, sends) };
        await ApplyOrLogAsync(intentAt, record).ConfigureAwait(false);
    }

    private async Task ApplyOrLogAsync(DateTimeOffset intentAt, ChargeJournalRecord record)
    {
        try
        {
            // Not the caller's token: an answer that arrived is recorded even when the caller stops waiting.
            await ApplyAsync(intentAt, record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The caller still gets the answer; the intent's lease ends and recovery re-sends it (the API replays).
            JournalLog.AnswerNotRecorded(_logger, Store.Description, record.IdempotencyKey, ex);
        }
    }

    private async Task<bool> ApplyAsync(DateTimeOffset intentAt, ChargeJournalRecord record, CancellationToken cancellationToken)
    {
        bool applied = await Store.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        if (applied && record.State is not (ChargeJournalState.Intent or ChargeJournalState.Pending))
        {
            _telemetry.RecordFinal(record.State, record.SettledBy ?? SettledBy.Answer, record.At - intentAt);
            JournalLog.Settled(_logger, record.IdempotencyKey, record.State, record.SettledBy ?? SettledBy.Answer);
        }

        return applied;
    }

    // Created once for every caller, so no one caller's token may cancel it; a caller stops waiting with its own.
    private Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_options.CreateSchema)
        {
            return Task.CompletedTask;
        }

        Task? schema = Volatile.Read(ref _schema);
        if (schema is null || schema.IsFaulted || schema.IsCanceled)
        {
            // A failed attempt (the store was down) is tried again by the next caller.
            schema = Store.EnsureSchemaAsync(CancellationToken.None);
            Volatile.Write(ref _schema, schema);
        }

        return schema;
    }
}
