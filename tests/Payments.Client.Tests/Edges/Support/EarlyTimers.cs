using Microsoft.Extensions.Time.Testing;

namespace Payments.Client.Tests.Edges.Support;

/// <summary>
/// A fake clock whose timers fire a millisecond before they are due, as the system's can: timers run on a
/// millisecond tick while timestamps are high-resolution, so a deadline measured in timestamps can still be
/// a hair away when its timer fires. Code that names a timeout by comparing clocks gets it wrong here.
/// </summary>
internal sealed class EarlyTimers(DateTimeOffset start) : FakeTimeProvider(start)
{
    private static readonly TimeSpan Early = TimeSpan.FromMilliseconds(1);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new EarlyTimer(base.CreateTimer(callback, state, Shift(dueTime), period));

    private static TimeSpan Shift(TimeSpan dueTime) => dueTime > Early ? dueTime - Early : dueTime;

    private sealed class EarlyTimer(ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Shift(dueTime), period);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
