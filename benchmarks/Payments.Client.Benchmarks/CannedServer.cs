namespace Payments.Client.Benchmarks;

/// <summary>The loopback server as a process of its own, for cold-start runs: it answers until SIGTERM or Ctrl+C.</summary>
internal static class CannedServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(CannedApi.ChargeWithMetadata, SideBySide.Option(args, "--port", 0));
        Console.WriteLine(server.BaseAddress);

        // The host owns SIGTERM and Ctrl+C (its console lifetime); it signals Stopping for both.
        try
        {
            await Task.Delay(Timeout.Infinite, server.Stopping);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
