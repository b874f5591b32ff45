using Payments.Client.Tests.Shared;
using Payments.Client.Webhooks;

namespace Payments.Client.Stores.Tests.Support;

/// <summary>A <see cref="WebhookInboxProcessor"/> running in the background on a test's clock, stopped (and awaited, within a deadline) on dispose.</summary>
internal sealed class ProcessorRun : IAsyncDisposable
{
    private ProcessorRun(WebhookInboxProcessor processor)
    {
        Processor = processor;
        Running = Task.Run(() => processor.RunAsync(StopClaiming.Token, StopHandlers.Token));
    }

    public WebhookInboxProcessor Processor { get; }

    public CancellationTokenSource StopClaiming { get; } = new();

    public CancellationTokenSource StopHandlers { get; } = new();

    public Task Running { get; }

    public static ProcessorRun Start(IWebhookInboxStore store, WebhookInboxOptions options, TimeProvider clock, Func<PaymentsEvent, CancellationToken, Task> handle) =>
        new(new WebhookInboxProcessor(store, handle, options, clock));

    /// <summary>
    /// Moves <paramref name="clock"/> by <paramref name="step"/> each time the processor has parked on its poll with nothing
    /// in flight, until <paramref name="done"/> holds; fails after <paramref name="realLimit"/> of real time.
    /// </summary>
    public async Task AdvanceUntilAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, Func<bool> done, TimeSpan step, string what, TimeSpan? realLimit = null)
    {
        var real = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan limit = realLimit ?? Eventually.DefaultTimeout;
        while (!done())
        {
            await Eventually.WaitUntilAsync(() => done() || Processor.IsIdle, $"the processor to park ({what})", limit);
            if (done())
            {
                break;
            }

            if (real.Elapsed > limit)
            {
                throw new TimeoutException($"Not done after {limit.TotalSeconds:0.#} s of real time: {what}");
            }

            clock.Advance(step);
        }
    }

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
