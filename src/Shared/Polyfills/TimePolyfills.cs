// Kept: neither PolySharp 1.17 nor Polyfill 11.4 has Task.Delay(TimeSpan, TimeProvider, CancellationToken) or TimeSpan * double.
namespace System.Threading.Tasks
{
    // Task.Delay on a TimeProvider (.NET 8) via Microsoft.Bcl.TimeProvider's TimeProvider.Delay.
    internal static class TaskPolyfills
    {
        extension(Task)
        {
            public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                timeProvider.Delay(delay, cancellationToken);
        }
    }
}

namespace System
{
    // TimeSpan arithmetic operators that arrived in .NET Core 2.0.
    internal static class TimeSpanPolyfills
    {
        extension(TimeSpan)
        {
            public static TimeSpan operator *(TimeSpan timeSpan, double factor) => TimeSpan.FromTicks((long)Math.Round(timeSpan.Ticks * factor));

            public static TimeSpan operator /(TimeSpan timeSpan, double divisor) => TimeSpan.FromTicks((long)Math.Round(timeSpan.Ticks / divisor));
        }
    }
}
