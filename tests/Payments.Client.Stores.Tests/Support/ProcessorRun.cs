namespace Payments.Client.Stores.Tests.Support;

/// <summary>A <see cref="WebhookInboxProcessor"/> running in the background on a test's clock, stopped (and awaited, within a deadline) on dispose.</summary>
internal sealed class ProcessorRun : IAsyncDisposable
{
    private readonly ObservedInboxStore _store;

    private ProcessorRun(ObservedInboxStore store, WebhookInboxProcessor processor)
    {
        _store = store;
        Processor = processor;
        Running = Task.Run(() => processor.RunAsync(StopClaiming.Token, StopHandlers.Token));
    }

    public WebhookInboxProcessor Processor { get; }

    public CancellationTokenSource StopClaiming { get; } = new();

    public CancellationTokenSource StopHandlers { get; } = new();

    public Task Running { get; }

    public static ProcessorRun Start(IWebhookInboxStore store, WebhookInboxOptions options, TimeProvider clock, Func<PaymentsEvent, CancellationToken, Task> handle)
    {
        var observed = new ObservedInboxStore(store);
        return new(observed, new WebhookInboxProcessor(observed, handle, options, clock));
    }

    /// <summary>Moves <paramref name="clock"/> by <paramref name="step"/> while the processor is parked with nothing claimed, until <paramref name="done"/> holds.</summary>
    public Task AdvanceUntilAsync(TestClock clock, Func<bool> done, TimeSpan step, string what) =>
        ObservedInboxStore.AdvanceUntilAsync(clock, () => _store.Quiet, done, step, what);

    public async ValueTask DisposeAsync()
    {
        await StopClaiming.CancelAsync();
        await StopHandlers.CancelAsync();
        await Eventually.Within(Running, "the processor to stop");
        StopClaiming.Dispose();
        StopHandlers.Dispose();
    }
}

/// <summary>What the handlers saw: each run's event id and fake time, thread-safe.</summary>
internal sealed class HandlerLog(TimeProvider clock)
{
    private readonly List<(string EventId, DateTimeOffset At)> _runs = [];

    public IReadOnlyList<(string EventId, DateTimeOffset At)> Runs
    {
        get
        {
            lock (_runs)
            {
                return _runs.ToArray();
            }
        }
    }

    public int Count(string eventId)
    {
        lock (_runs)
        {
            return _runs.Count(r => r.EventId == eventId);
        }
    }

    /// <summary>Records the run; returns how many runs this event has had, this one included.</summary>
    public int Record(PaymentsEvent paymentsEvent)
    {
        lock (_runs)
        {
            _runs.Add((paymentsEvent.Id, clock.GetUtcNow()));
            return _runs.Count(r => r.EventId == paymentsEvent.Id);
        }
    }
}
