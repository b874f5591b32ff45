using System.Diagnostics;

namespace Payments.Client.Tests.Shared;

/// <summary>
/// The one way a test waits for something another thread does: polls a condition with a real-time deadline and
/// fails with the test's own message, so a broken test fails in seconds instead of hanging the run.
/// </summary>
internal static class Eventually
{
    /// <summary>A deadline that holds on a loaded 2-core machine; a passing wait ends long before it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for: {what}");
            }

            // why: a short real pause between polls of work running on other threads; bounded by the deadline above.
            await Task.Delay(1);
        }
    }

    /// <summary>Awaits <paramref name="task"/>, failing with <paramref name="what"/> if it has not ended within <paramref name="timeout"/>.</summary>
    public static async Task<T> Within<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        await Within((Task)task, what, timeout).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="task"/>, failing with <paramref name="what"/> if it has not ended within <paramref name="timeout"/>.</summary>
    public static async Task Within(Task task, string what, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for: {what}");
        }
    }

    /// <summary>A token cancelled after <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>), for APIs that take one.</summary>
    public static CancellationToken Deadline(TimeSpan? timeout = null) => new CancellationTokenSource(timeout ?? DefaultTimeout).Token;
}
