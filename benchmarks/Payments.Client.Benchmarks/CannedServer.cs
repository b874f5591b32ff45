namespace Payments.Client.Benchmarks;

/// <summary>The loopback server as a process of its own, for cold-start runs: it answers until stdin closes or it is killed.</summary>
internal static class CannedServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(CannedApi.ChargeWithMetadata, SideBySide.Option(args, "--port", 0));
        Console.WriteLine(server.BaseAddress);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
