using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Payments.Client.Tests.Shared;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows when the code under test touches its timers, so a test can move
/// time forward only once that code has parked on the clock, instead of sleeping in real time and hoping.
/// </summary>
internal sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _activity;
    private int _armed;

    public TestClock()
        : this(new DateTimeOffset(2026, 6, 9, 14, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Grows whenever a timer is created, changed, disposed or fires; tests may bump it for other progress.</summary>
    public int Activity => Volatile.Read(ref _activity);

    public void NoteActivity() => Interlocked.Increment(ref _activity);

    /// <summary>
    /// Timers that will fire when time moves far enough (created or changed with a due time, not yet fired once-only,
    /// not disposed): "the code has parked on the clock", which a test waits for before moving time.
    /// </summary>
    public int ArmedTimers => Volatile.Read(ref _armed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        NoteActivity();
        var tracked = new TrackedTimer(this);
        tracked.Arm(dueTime, period);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                NoteActivity();
                tracked.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    /// <summary>
    /// Awaits <paramref name="work"/> while moving the clock <paramref name="step"/> at a time, each move only after
    /// the work has gone quiet (no timer activity across several scheduler turns). Fails with <paramref name="what"/>
    /// if the work has not ended within <paramref name="realLimit"/> of real time.
    /// </summary>
    /// <param name="started">When given, the clock stays put until it holds (or the work ended): for example "the first
    /// request reached the handler", so a loaded machine cannot move time under a call that has not begun.</param>
    public async Task<T> RunAsync<T>(Task<T> work, TimeSpan step, string what, TimeSpan? realLimit = null, Func<bool>? started = null)
    {
        TimeSpan limit = realLimit ?? Eventually.DefaultTimeout;
        var real = Stopwatch.StartNew();
        if (started is not null)
        {
            await Eventually.WaitUntilAsync(() => work.IsCompleted || started(), $"the work to begin before the clock moves: {what}", limit).ConfigureAwait(false);
        }

        while (!work.IsCompleted)
        {
            await SettleAsync(work).ConfigureAwait(false);
            if (work.IsCompleted)
            {
                break;
            }

            if (real.Elapsed > limit)
            {
                throw new TimeoutException($"Not done after {limit.TotalSeconds:0.#} s of real time and {GetUtcNow() - Start:g} of fake time: {what}");
            }

            Advance(step);
        }

        return await work.ConfigureAwait(false);
    }

    /// <summary>Returns once the code under test made no progress visible to the clock across several scheduler turns.</summary>
    public async Task SettleAsync(Task? work = null)
    {
        // The code under test continues on thread-pool threads, which need real scheduling time (a bare Task.Yield
        // loop outruns them and moves the clock under a call that is still working). Quiet for two short turns in a
        // row means it is waiting for time, not for a thread; any timer activity starts the count again.
        const int QuietTurns = 2;
        int quiet = 0;
        int seen = Activity;
        while (quiet < QuietTurns && work?.IsCompleted != true)
        {
            // why: one scheduler turn for the work under test; bounded by QuietTurns and by the caller's deadline.
            await Task.Delay(1);
            int now = Activity;
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
    }

    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        private readonly object _gate = new();
        private bool _armed;
        private bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (_gate)
            {
                _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
                Set(dueTime != Timeout.InfiniteTimeSpan);
            }
        }

        public void Fired()
        {
            lock (_gate)
            {
                if (!_periodic)
                {
                    Set(false);
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.NoteActivity();
            Arm(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.NoteActivity();
            Disarm();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.NoteActivity();
            Disarm();
            return Inner.DisposeAsync();
        }

        private void Disarm()
        {
            lock (_gate)
            {
                Set(false);
            }
        }

        private void Set(bool armed)
        {
            if (armed != _armed)
            {
                _armed = armed;
                Interlocked.Add(ref clock._armed, armed ? 1 : -1);
            }
        }
    }
}
