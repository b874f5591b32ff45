using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Client.Webhooks.Inbox;
using Payments.Client.Webhooks.Parsing;

namespace Payments.Client.Webhooks;

/// <summary>
/// Runs stored webhook events through the handlers: claims due events under a lease (renewed while they run), parses
/// each stored body with the same reader the endpoint verified it with, records success, a failed attempt with its next
/// time from <see cref="WebhookInboxOptions.RetrySchedule"/>, or a dead letter past the attempt or age limit, and
/// deletes processed events after <see cref="WebhookInboxOptions.Retention"/>. No ASP.NET Core: the endpoint's hosted
/// service runs one, and a worker or function host can run one with its own <c>handle</c> delegate.
/// </summary>
public sealed class WebhookInboxProcessor
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(10);

    private readonly IWebhookInboxStore _store;
    private readonly Func<PaymentsEvent, CancellationToken, Task> _handle;
    private readonly WebhookInboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InboxTelemetry _telemetry;
    private TaskCompletionSource _wake = NewSignal();

    /// <summary>Creates a processor; nothing runs until <see cref="RunAsync"/>.</summary>
    /// <param name="store">The inbox.</param>
    /// <param name="handle">Runs the handlers of one event; its token means "the host is stopping now". Throwing fails the attempt.</param>
    /// <param name="options">Retries, limits, lease and retention; the defaults when null.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where attempts and dead letters are logged.</param>
    /// <param name="meterFactory">Owns the meter of the inbox's metrics; a shared one when null.</param>
    public WebhookInboxProcessor(
        IWebhookInboxStore store,
        Func<PaymentsEvent, CancellationToken, Task> handle,
        WebhookInboxOptions? options = null,
        TimeProvider? time = null,
        ILogger<WebhookInboxProcessor>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(handle);
        _options = options ?? new WebhookInboxOptions();
        _options.Validate();
        _store = store;
        _handle = handle;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _telemetry = new InboxTelemetry(meterFactory, _time);
        Owner = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
    }

    /// <summary>This instance's id in leases: machine, process id and a random part.</summary>
    public string Owner { get; }

    /// <summary>Wakes the processor at once: an event was just stored (instead of waiting for the next poll).</summary>
    public void Notify() => Volatile.Read(ref _wake).TrySetResult();

    /// <summary>
    /// Processes until <paramref name="stopClaiming"/> is cancelled, then claims nothing more and returns once the events
    /// in flight have ended. Their handlers get <paramref name="stopHandlers"/>: an event whose run ends because it was
    /// cancelled is given back unrun (another instance, or the next start, runs it).
    /// </summary>
    /// <param name="stopClaiming">Stops claiming: the host began to stop.</param>
    /// <param name="stopHandlers">Passed to the handlers: the host's shutdown time is up.</param>
    /// <returns>A task that ends when nothing is in flight.</returns>
    public async Task RunAsync(CancellationToken stopClaiming, CancellationToken stopHandlers)
    {
        var inFlight = new List<Task>();
        DateTimeOffset nextSweep = _time.GetUtcNow();
        DateTimeOffset nextStats = nextSweep;
        while (!stopClaiming.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);

            // Reset before looking, so a Notify while the claim runs is not lost.
            Interlocked.Exchange(ref _wake, NewSignal());
            int free = _options.MaxConcurrency - inFlight.Count;
            bool maybeMore = false;
            try
            {
                DateTimeOffset now = _time.GetUtcNow();
                if (now >= nextSweep)
                {
                    nextSweep = now + SweepInterval;
                    await _store.PurgeAsync(WebhookInboxState.Processed, now - _options.Retention, stopClaiming).ConfigureAwait(false);
                }

                if (now >= nextStats)
                {
                    nextStats = now + StatsInterval;
                    _telemetry.Observe(await _store.GetStatsAsync(stopClaiming).ConfigureAwait(false), now);
                }

                if (free > 0)
                {
                    IReadOnlyList<WebhookInboxEntry> claimed = await _store.ClaimAsync(Owner, free, now, _options.Lease, stopClaiming).ConfigureAwait(false);
                    foreach (WebhookInboxEntry entry in claimed)
                    {
                        inFlight.Add(Task.Run(() => RunOneAsync(entry, stopHandlers), CancellationToken.None));
                    }

                    maybeMore = claimed.Count == free;
                }
            }
            catch (OperationCanceledException) when (stopClaiming.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                InboxLog.StoreUnavailable(_logger, "claiming events", ex);
            }

            if (!maybeMore)
            {
                await WaitForWorkAsync(stopClaiming).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WaitForWorkAsync(CancellationToken stopClaiming)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stopClaiming);
        Task delay = Task.Delay(_options.PollInterval, _time, poll.Token);
        await Task.WhenAny(delay, Volatile.Read(ref _wake).Task).ConfigureAwait(false);
        await poll.CancelAsync().ConfigureAwait(false);
    }

    private async Task RunOneAsync(WebhookInboxEntry entry, CancellationToken stopHandlers)
    {
        try
        {
            await RunCoreAsync(entry, stopHandlers).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Recording the outcome failed: the lease ends and the event runs again (at least once).
            InboxLog.StoreUnavailable(_logger, "recording an outcome", ex);
        }
        finally
        {
            Notify(); // a slot is free
        }
    }

    private async Task RunCoreAsync(WebhookInboxEntry entry, CancellationToken stopHandlers)
    {
        using Activity? activity = InboxTelemetry.StartAttempt(entry);
        DateTimeOffset now = _time.GetUtcNow();
        if (entry.Attempts > _options.MaxAttempts)
        {
            // Claimed again after its last allowed attempt was cut short (the instance crashed or stopped mid-run).
            await DeadLetterAsync(entry, activity, $"attempt {entry.Attempts} would pass MaxAttempts {_options.MaxAttempts}; the last run was cut short", now).ConfigureAwait(false);
            return;
        }

        PaymentsEvent paymentsEvent;
        try
        {
            paymentsEvent = EventJsonReader.Read(entry.Body.Span);
        }
        catch (WebhookVerificationException ex)
        {
            await DeadLetterAsync(entry, activity, "the stored body does not parse: " + ex.Message, now).ConfigureAwait(false);
            return;
        }

        long started = _time.GetTimestamp();
        using var renewing = new CancellationTokenSource();
        Task renewal = RenewLeaseAsync(entry.EventId, renewing.Token);
        Exception? failure = null;
        try
        {
            await _handle(paymentsEvent, stopHandlers).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        TimeSpan took = _time.GetElapsedTime(started);
        now = _time.GetUtcNow();
        if (failure is null)
        {
            await _store.CompleteAsync(entry.EventId, Owner, now, CancellationToken.None).ConfigureAwait(false);
            _telemetry.Record(entry, "processed", took);
            activity?.SetTag(InboxTelemetry.OutcomeTag, "processed");
            InboxLog.Processed(_logger, entry.EventId, entry.EventType, entry.Attempts);
            return;
        }

        if (failure is OperationCanceledException && stopHandlers.IsCancellationRequested)
        {
            await _store.ReleaseAsync(entry.EventId, Owner, now, CancellationToken.None).ConfigureAwait(false);
            _telemetry.Record(entry, "released", took);
            activity?.SetTag(InboxTelemetry.OutcomeTag, "released");
            InboxLog.Released(_logger, entry.EventId, entry.EventType);
            return;
        }

        string error = string.Create(CultureInfo.InvariantCulture, $"attempt {entry.Attempts} at {now:O}: {failure.GetType().FullName}: {OneLine(failure.Message)}");
        activity?.SetTag("error.type", failure.GetType().FullName);
        activity?.SetStatus(ActivityStatusCode.Error, "handler_failed");
        if (entry.Attempts >= _options.MaxAttempts || now - entry.ReceivedAt >= _options.MaxAge)
        {
            string reason = entry.Attempts >= _options.MaxAttempts ? $"MaxAttempts {_options.MaxAttempts} reached" : $"older than MaxAge {_options.MaxAge}";
            await _store.FailAsync(entry.EventId, Owner, error, nextAttemptAt: null, now, CancellationToken.None).ConfigureAwait(false);
            _telemetry.Record(entry, "dead_lettered", took);
            activity?.SetTag(InboxTelemetry.OutcomeTag, "dead_lettered");
            InboxLog.DeadLettered(_logger, entry.EventId, entry.EventType, entry.Attempts, reason + "; last error: " + error);
            return;
        }

        DateTimeOffset next = now + _options.DelayAfter(entry.Attempts);
        await _store.FailAsync(entry.EventId, Owner, error, next, now, CancellationToken.None).ConfigureAwait(false);
        _telemetry.Record(entry, "failed", took);
        activity?.SetTag(InboxTelemetry.OutcomeTag, "failed");
        InboxLog.Failed(_logger, entry.EventId, entry.EventType, entry.Attempts, next, failure);
    }

    private async Task DeadLetterAsync(WebhookInboxEntry entry, Activity? activity, string reason, DateTimeOffset now)
    {
        string error = string.Create(CultureInfo.InvariantCulture, $"attempt {entry.Attempts} at {now:O}: {reason}");
        await _store.FailAsync(entry.EventId, Owner, error, nextAttemptAt: null, now, CancellationToken.None).ConfigureAwait(false);
        _telemetry.Record(entry, "dead_lettered", duration: null);
        activity?.SetTag(InboxTelemetry.OutcomeTag, "dead_lettered");
        activity?.SetStatus(ActivityStatusCode.Error, "dead_lettered");
        InboxLog.DeadLettered(_logger, entry.EventId, entry.EventType, entry.Attempts, reason);
    }

    /// <summary>Renews the lease every third of it while the handlers run, so a long handler is never taken over by another instance.</summary>
    private async Task RenewLeaseAsync(string eventId, CancellationToken stop)
    {
        TimeSpan every = _options.Lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _time, stop).ConfigureAwait(false);
                if (!await _store.RenewLeaseAsync(eventId, Owner, _time.GetUtcNow() + _options.Lease, stop).ConfigureAwait(false))
                {
                    InboxLog.LeaseLost(_logger, eventId);
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Try again at the next third: the lease still has two thirds to run.
                InboxLog.StoreUnavailable(_logger, "renewing a lease", ex);
            }
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
