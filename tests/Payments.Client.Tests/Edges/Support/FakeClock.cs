using Microsoft.Extensions.Time.Testing;

namespace Payments.Client.Tests.Edges.Support;

/// <summary>Moves a fake clock forward while a call runs, so waits end without sleeping; every wait has a deadline.</summary>
internal static class FakeClock
{
    /// <summary>Advances <paramref name="time"/> by <paramref name="step"/> until <paramref name="task"/> ends or <paramref name="limit"/> of fake time passed.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan step, TimeSpan limit)
    {
        DateTimeOffset end = time.GetUtcNow() + limit;
        while (!task.IsCompleted && time.GetUtcNow() < end)
        {
            // Real time for continuations to run before the clock moves on: at least 2 ms, and while the
            // thread pool still has queued work (bounded: other tests keep it busy too).
            await Task.WhenAny(task, Task.Delay(2));
            for (int i = 0; i < 25 && ThreadPool.PendingWorkItemCount > 0 && !task.IsCompleted; i++)
            {
                await Task.Delay(1);
            }

            if (!task.IsCompleted)
            {
                time.Advance(step);
            }
        }

        Assert.True(await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30))) == task, $"The call did not end within {limit} of fake time and 30 s of real time.");
        return await task;
    }

    /// <summary>Waits (for real, at most 10 s) until <paramref name="condition"/> holds.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(2);
        }
    }
}
