namespace Payments.Client.Stores.Tests.Inbox;

/// <summary>The processor on each store, on a fake clock: retries on the schedule, dead letters, retention, shutdown, spans.</summary>
public abstract class InboxProcessorConformance(IInboxStoreFactory stores) : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private IWebhookInboxStore _store = null!;

    public async Task InitializeAsync() => _store = await stores.CreateAsync();

    public async Task DisposeAsync() => await stores.DisposeAsync();

    [Fact]
    public async Task Failed_attempts_wait_out_the_retry_schedule_then_the_event_is_a_dead_letter_keeping_every_error()
    {
        DateTimeOffset t0 = _clock.GetUtcNow();
        await _store.TryAddAsync(Events.Delivery("evt_1", t0), CancellationToken.None);
        var log = new HandlerLog(_clock);
        var thirdRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new WebhookInboxOptions { RetrySchedule = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)], MaxAttempts = 3 };
        await using ProcessorRun run = ProcessorRun.Start(_store, options, _clock, (e, _) =>
        {
            int n = log.Record(e);
            if (n == 3)
            {
                thirdRun.TrySetResult();
            }

            throw new InvalidOperationException($"ERP down #{n}");
        });

        await run.AdvanceUntilAsync(_clock, () => thirdRun.Task.IsCompleted, TimeSpan.FromSeconds(1), "three attempts");
        WebhookInboxEntry dead = await WaitForStateAsync("evt_1", WebhookInboxState.DeadLetter);

        DateTimeOffset[] at = log.Runs.Select(r => r.At).ToArray();
        DateTimeOffset[] failedAt = dead.Errors.Select(line => DateTimeOffset.Parse(line.Split(' ')[3].TrimEnd(':'), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(t0, at[0]);

        // Each retry waits its schedule entry after the failure, to the second (the clock moves in 1 s steps, only while the
        // processor is parked on its 1 s poll).
        Assert.Equal(TimeSpan.FromSeconds(5), at[1] - failedAt[0]);
        Assert.Equal(TimeSpan.FromSeconds(30), at[2] - failedAt[1]);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal(3, dead.Errors.Count);
        Assert.All(dead.Errors.Select((line, i) => (line, i)), x => Assert.Contains($"attempt {x.i + 1} at ", x.line, StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException: ERP down #3", dead.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_still_failing_past_its_max_age_is_a_dead_letter_before_its_attempts_run_out()
    {
        DateTimeOffset t0 = _clock.GetUtcNow();
        await _store.TryAddAsync(Events.Delivery("evt_1", t0), CancellationToken.None);
        var log = new HandlerLog(_clock);
        var options = new WebhookInboxOptions { RetrySchedule = [TimeSpan.FromSeconds(30)], MaxAttempts = 10, MaxAge = TimeSpan.FromSeconds(10) };
        await using ProcessorRun run = ProcessorRun.Start(_store, options, _clock, (e, _) =>
        {
            log.Record(e);
            throw new InvalidOperationException("still down");
        });

        await run.AdvanceUntilAsync(_clock, () => log.Runs.Count == 2, TimeSpan.FromSeconds(1), "the second attempt");
        WebhookInboxEntry dead = await WaitForStateAsync("evt_1", WebhookInboxState.DeadLetter);
        Assert.Equal(2, dead.Attempts);
        Assert.Equal(2, log.Runs.Count);
    }

    [Fact]
    public async Task Processed_events_are_deleted_after_the_retention_window_and_dead_letters_are_kept()
    {
        DateTimeOffset t0 = _clock.GetUtcNow();
        await _store.TryAddAsync(Events.Delivery("evt_ok", t0), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_poison", t0), CancellationToken.None);
        var options = new WebhookInboxOptions { MaxAttempts = 1, Retention = TimeSpan.FromHours(1) };
        await using ProcessorRun run = ProcessorRun.Start(_store, options, _clock, (e, _) =>
            e.Id == "evt_poison" ? throw new InvalidOperationException("poison") : Task.CompletedTask);

        await WaitForStateAsync("evt_ok", WebhookInboxState.Processed);
        await WaitForStateAsync("evt_poison", WebhookInboxState.DeadLetter);

        // Still there just inside the window; gone once a sweep (every minute) runs past it.
        DateTimeOffset insideWindow = t0 + TimeSpan.FromMinutes(59);
        await run.AdvanceUntilAsync(_clock, () => _clock.GetUtcNow() >= insideWindow, TimeSpan.FromSeconds(30), "59 minutes");
        Assert.NotNull(await _store.GetAsync("evt_ok", CancellationToken.None));
        bool gone = false;
        await run.AdvanceUntilAsync(_clock, () => gone = _store.GetAsync("evt_ok", CancellationToken.None).Result is null, TimeSpan.FromSeconds(30), "the processed event to be deleted");
        Assert.True(gone);
        Assert.NotNull(await _store.GetAsync("evt_poison", CancellationToken.None));
        Assert.True(_clock.GetUtcNow() - t0 <= TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Shutdown_stops_claiming_and_lets_the_running_handler_finish()
    {
        DateTimeOffset t0 = _clock.GetUtcNow();
        await _store.TryAddAsync(Events.Delivery("evt_running", t0), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_waiting", t0.AddMilliseconds(1)), CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new HandlerLog(_clock);
        await using ProcessorRun run = ProcessorRun.Start(_store, new WebhookInboxOptions { MaxConcurrency = 1 }, _clock, async (e, _) =>
        {
            log.Record(e);
            started.TrySetResult();
            await finish.Task;
        });

        await Eventually.Within(started.Task, "the first handler to start");
        await run.StopClaiming.CancelAsync();
        finish.SetResult();
        await Eventually.Within(run.Running, "the processor to end once its handler finished");

        Assert.Equal(WebhookInboxState.Processed, (await _store.GetAsync("evt_running", CancellationToken.None))!.State);
        WebhookInboxEntry waiting = (await _store.GetAsync("evt_waiting", CancellationToken.None))!;
        Assert.Equal(WebhookInboxState.Pending, waiting.State);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(["evt_running"], log.Runs.Select(r => r.EventId));
    }

    [Fact]
    public async Task A_handler_cancelled_because_the_host_is_stopping_gives_its_event_back_without_counting_the_attempt()
    {
        await _store.TryAddAsync(Events.Delivery("evt_1", _clock.GetUtcNow()), CancellationToken.None);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using ProcessorRun run = ProcessorRun.Start(_store, new WebhookInboxOptions(), _clock, async (_, hostStopping) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, hostStopping);
        });

        await Eventually.Within(started.Task, "the handler to start");
        await run.StopClaiming.CancelAsync();
        await run.StopHandlers.CancelAsync();
        await Eventually.Within(run.Running, "the processor to end");

        WebhookInboxEntry entry = (await _store.GetAsync("evt_1", CancellationToken.None))!;
        Assert.Equal(WebhookInboxState.Pending, entry.State);
        Assert.Equal(0, entry.Attempts);
        Assert.Empty(entry.Errors);
    }

    [Fact]
    public async Task Each_attempt_has_a_span_linked_to_the_delivery_span()
    {
        var delivery = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        string traceParent = $"00-{delivery.TraceId}-{delivery.SpanId}-01";
        await _store.TryAddAsync(Events.Delivery("evt_traced", _clock.GetUtcNow()) with { TraceParent = traceParent }, CancellationToken.None);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Payments.Client.Webhooks",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (spans)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using (ProcessorRun.Start(_store, new WebhookInboxOptions(), _clock, (_, _) => Task.CompletedTask))
        {
            await WaitForStateAsync("evt_traced", WebhookInboxState.Processed);
            await Eventually.WaitUntilAsync(() => { lock (spans) { return spans.Any(s => (string?)s.GetTagItem("payments.webhooks.event_id") == "evt_traced"); } }, "the attempt's span to end");
        }

        Activity span;
        lock (spans)
        {
            span = spans.Single(s => (string?)s.GetTagItem("payments.webhooks.event_id") == "evt_traced");
        }

        Assert.Equal("Payments webhook inbox attempt", span.DisplayName);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal("processed", span.GetTagItem("payments.webhooks.outcome"));
        ActivityLink link = Assert.Single(span.Links);
        Assert.Equal(delivery.TraceId, link.Context.TraceId);
        Assert.Equal(delivery.SpanId, link.Context.SpanId);
    }

    private async Task<WebhookInboxEntry> WaitForStateAsync(string eventId, WebhookInboxState state)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await _store.GetAsync(eventId, CancellationToken.None) is { } entry && entry.State == state)
            {
                return entry;
            }

            if (deadline.Elapsed > Eventually.DefaultTimeout)
            {
                throw new TimeoutException($"{eventId} did not reach {state}: {await _store.GetAsync(eventId, CancellationToken.None)}");
            }

            await Task.Delay(5); // why: a bounded poll (deadline above) of a store the processor writes from other threads
        }
    }
}

public sealed class SqliteInboxProcessorTests() : InboxProcessorConformance(new SqliteInboxStores());

[Collection(nameof(PostgresCollection))]
public sealed class PostgresInboxProcessorTests(PostgresFixture postgres) : InboxProcessorConformance(new PostgresInboxStores(postgres));
