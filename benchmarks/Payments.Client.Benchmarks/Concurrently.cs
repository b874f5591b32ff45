namespace Payments.Client.Benchmarks;

/// <summary>Many callers sharing one client, each making its calls one after another.</summary>
internal static class Concurrently
{
    public static Task Run(int callers, int callsPerCaller, Func<Task> call) => Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
    {
        for (int i = 0; i < callsPerCaller; i++)
        {
            await call().ConfigureAwait(false);
        }
    }));
}
