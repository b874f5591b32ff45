using Microsoft.Extensions.Time.Testing;

namespace Payments.Client.Tests.Shared;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which timers the code under test has armed, and of which kind, so a
/// test moves time exactly to the next timer once the code has parked on one: a signal, never a real pause.
/// </summary>
/// <remarks>
/// A timer is a <em>deadline</em> when it cancels a <see cref="CancellationTokenSource"/> (an attempt or overall
/// timeout: armed while work goes on, so it says nothing about the code being idle) and a <em>wait</em> otherwise
/// (<c>Task.Delay</c> on this clock: a backoff, a <c>Retry-After</c>, a rate-limit token, a poll's pause). A wait armed
/// means the code is parked on the clock; time then moves to the earliest armed timer, deadline or wait.
/// </remarks>
internal sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly object _gate = new();
    private readonly object _arming = new();
    private readonly List<TrackedTimer> _armed = [];
    private TaskCompletionSource<bool> _changed = NewSignal();
    private int _activity;

    public TestClock()
        : this(new DateTimeOffset(2026, 6, 9, 14, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>
    /// Fires every timer this much before its due time (a coarse OS timer does): tests that a timer firing a hair
    /// early is still read for what it is. Zero by default.
    /// </summary>
    public TimeSpan FireEarlyBy { get; init; }

    /// <summary>Grows whenever a timer is created, changed, disposed or fires, and whenever a test notes progress.</summary>
    public int Activity => Volatile.Read(ref _activity);

    /// <summary>Timers that will fire when time moves far enough (deadlines and waits).</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count;
            }
        }
    }

    /// <summary>Armed waits: how many places in the code under test are parked on this clock.</summary>
    public int ArmedWaits
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count(t => !t.IsDeadline);
            }
        }
    }

    /// <summary>The due times of the armed waits, from now, in order: what the code under test asked to wait.</summary>
    public TimeSpan[] PendingWaits
    {
        get
        {
            lock (_gate)
            {
                DateTimeOffset now = GetUtcNow();
                return [.. _armed.Where(t => !t.IsDeadline).Select(t => t.Due - now).Order()];
            }
        }
    }

    /// <summary>Marks progress the clock cannot see (a request reached a handler), waking whoever waits for a condition.</summary>
    public void NoteActivity()
    {
        Interlocked.Increment(ref _activity);
        TaskCompletionSource<bool> changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult(true);
    }

    /// <summary>Moves time exactly to the earliest armed timer and returns how far it moved.</summary>
    public TimeSpan AdvanceToNextTimer() =>
        TryAdvanceToNextTimer() ?? throw new InvalidOperationException("No timer is armed: nothing would happen if time moved.");

    /// <summary>Moves time exactly to the earliest armed timer; null (and time stays) when none is armed.</summary>
    private TimeSpan? TryAdvanceToNextTimer()
    {
        // Under the same lock as arming a timer: a timer armed on another thread between reading its due time and
        // moving the clock would otherwise be due later than recorded, and time would not reach it.
        lock (_arming)
        {
            TimeSpan step;
            lock (_gate)
            {
                if (_armed.Count == 0)
                {
                    return null;
                }

                step = _armed.Min(t => t.Due) - GetUtcNow();
            }

            step = step < TimeSpan.Zero ? TimeSpan.Zero : step;
            Advance(step);
            return step;
        }
    }

    /// <summary>
    /// Returns once <paramref name="condition"/> holds, re-checked whenever a timer changes or a test notes activity
    /// (conditions on anything else belong to <see cref="Eventually"/>). Fails with <paramref name="what"/> after
    /// <paramref name="realLimit"/> of real time (a deadline for a broken test, never a pause).
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, Task? orEnded = null, TimeSpan? realLimit = null)
    {
        using var deadline = new CancellationTokenSource(realLimit ?? Eventually.DefaultTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition() || orEnded?.IsCompleted == true)
            {
                return;
            }

            try
            {
                await (orEnded is null ? changed : Task.WhenAny(changed, orEnded)).WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {(realLimit ?? Eventually.DefaultTimeout).TotalSeconds:0.#} s of real time (fake time {GetUtcNow() - Start:g}) for: {what}");
            }
        }
    }

    /// <summary>Returns once <paramref name="count"/> waits are armed: that many callers are parked on the clock.</summary>
    public Task WaitForWaitsAsync(int count, string what) => WaitUntilAsync(() => ArmedWaits >= count, what);

    /// <summary>
    /// Awaits <paramref name="work"/>, moving time exactly to the next armed timer each time every unfinished call in
    /// <paramref name="calls"/> (default: the work itself) has parked: on an armed wait, or held where the clock cannot
    /// see (<paramref name="held"/> counts such holds, for example a handler that never answers, which leaves only its
    /// call's deadlines armed: each new one moves time once).
    /// </summary>
    /// <param name="started">When given, the clock stays put until it holds (or the work ended).</param>
    public async Task<T> RunAsync<T>(Task<T> work, string what, IReadOnlyCollection<Task>? calls = null, Func<int>? held = null, Func<bool>? started = null, TimeSpan? realLimit = null)
    {
        IReadOnlyCollection<Task> each = calls ?? [work];
        foreach (Task call in each)
        {
            _ = call.ContinueWith(static (_, clock) => ((TestClock)clock!).NoteActivity(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        if (started is not null)
        {
            await WaitUntilAsync(started, $"the work to begin before the clock moves: {what}", work, realLimit).ConfigureAwait(false);
        }

        int handled = 0;
        TimeSpan limit = realLimit ?? Eventually.DefaultTimeout;
        var real = global::System.Diagnostics.Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            if (real.Elapsed > limit)
            {
                throw new TimeoutException($"Not done after {limit.TotalSeconds:0.#} s of real time and {GetUtcNow() - Start:g} of fake time: {what}");
            }

            await WaitUntilAsync(() => AllParked(each, (held?.Invoke() ?? 0) - handled), what, work, realLimit).ConfigureAwait(false);
            if (!work.IsCompleted)
            {
                // The code may have woken between the check and here (a signal, not the clock) and disposed its wait:
                // then nothing moves and the loop looks again.
                int holds = held?.Invoke() ?? 0;
                if (TryAdvanceToNextTimer() is not null)
                {
                    handled = holds;
                }
            }
        }

        return await work.ConfigureAwait(false);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this, isDeadline: state is CancellationTokenSource);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        tracked.Change(dueTime, period);
        return tracked;
    }

    private bool AllParked(IReadOnlyCollection<Task> calls, int held)
    {
        int open = calls.Count(c => !c.IsCompleted);
        return open > 0 && ArmedTimers > 0 && ArmedWaits + held >= open;
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Track(TrackedTimer timer, bool armed)
    {
        lock (_gate)
        {
            _armed.Remove(timer);
            if (armed)
            {
                _armed.Add(timer);
            }
        }

        NoteActivity();
    }

    private sealed class TrackedTimer(TestClock clock, bool isDeadline) : ITimer
    {
        private readonly object _gate = new();
        private bool _periodic;
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public bool IsDeadline { get; } = isDeadline;

        public DateTimeOffset Due { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            dueTime = dueTime > clock.FireEarlyBy && dueTime != Timeout.InfiniteTimeSpan ? dueTime - clock.FireEarlyBy : dueTime;
            lock (clock._arming)
            {
                lock (_gate)
                {
                    _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
                    _period = period;
                    Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.GetUtcNow() + dueTime;
                }

                clock.Track(this, dueTime != Timeout.InfiniteTimeSpan);
                return Inner.Change(dueTime, period);
            }
        }

        public void Fired()
        {
            bool armed;
            lock (_gate)
            {
                if (_periodic)
                {
                    Due += _period;
                }

                armed = _periodic;
            }

            clock.Track(this, armed);
        }

        public void Dispose()
        {
            clock.Track(this, false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Track(this, false);
            return Inner.DisposeAsync();
        }
    }
}
