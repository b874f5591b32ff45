using System.Diagnostics;
using System.Globalization;

namespace Payments.Client.Benchmarks;

/// <summary>
/// Issue 13's own method, for a loaded machine: every contender runs the same number of calls in the same
/// process, interleaved round by round, and each figure is the median of the rounds. CPU is the whole
/// process's (the in-process server included, the same for all), so a busy neighbour moves it far less
/// than wall time; bytes are every thread's allocations, per call.
/// </summary>
internal static class SideBySide
{
    private const int Callers = 64;

    public static async Task<int> RunAsync(string[] args)
    {
        int calls = Option(args, "--calls", 2000);
        int rounds = Option(args, "--rounds", 5);
        string? server = OptionText(args, "--server");
        await using MetadataScenario scenario = server is not null ? MetadataScenario.Remote(new Uri(server)) : await MetadataScenario.StartAsync();
        (string Name, Func<Task> Call)[] contenders =
        [
            ("hand-written floor (typed, source-gen)", scenario.FloorAsync),
            ("Payments.Client, retries/breaker/rate limit off", scenario.BareAsync),
            ("Payments.Client, defaults (rate limit off)", scenario.DefaultsAsync),
            ("Payments.Client via DI", scenario.DependencyInjectionAsync),
            ("Stripe.net (its own API shape, same server)", scenario.StripeAsync),
        ];

        // Warm every path (JIT tiering, connections) before anything counts.
        foreach ((_, Func<Task> call) in contenders)
        {
            for (int i = 0; i < Math.Max(500, calls / 2); i++)
            {
                await call();
            }
        }

        var cpu = new List<double>[contenders.Length];
        var wall = new List<double>[contenders.Length];
        var bytes = new List<double>[contenders.Length];
        for (int c = 0; c < contenders.Length; c++)
        {
            (cpu[c], wall[c], bytes[c]) = ([], [], []);
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < contenders.Length; k++)
            {
                // Rotate the order so no contender always runs right after the same neighbour.
                int c = (k + round) % contenders.Length;
                (double cpuUs, double wallUs, double b) = await MeasureAsync(calls, contenders[c].Call);
                cpu[c].Add(cpuUs);
                wall[c].Add(wallUs);
                bytes[c].Add(b);
            }
        }

        Console.WriteLine($"## One call at a time: {calls:N0} calls x {rounds} rounds, medians ({Environment.ProcessorCount} cores, .NET {Environment.Version}; server {(server is null ? "in this process: its CPU and bytes counted" : "in another process: the client's CPU and bytes alone")})");
        Console.WriteLine();
        Console.WriteLine("| contender | CPU us/call | ratio | wall us/call | bytes/call | over floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        double floorCpu = Median(cpu[0]), floorBytes = Median(bytes[0]);
        for (int c = 0; c < contenders.Length; c++)
        {
            double m = Median(cpu[c]);
            double b = Median(bytes[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {contenders[c].Name} | {m:F1} (min {cpu[c].Min():F1}) | {m / floorCpu:F2}x | {Median(wall[c]):F1} | {b:N0} | {b - floorBytes:+#,0;-#,0;0} B |"));
        }

        Console.WriteLine();
        int perCaller = Math.Max(4, calls / Callers);
        (string Name, Func<Task> Call)[] concurrent =
        [
            ("hand-written floor", scenario.FloorAsync),
            ("hand-written floor, HttpClient's 100 s timeout left on", scenario.FloorWithTimeoutAsync),
            ("Payments.Client, retries/breaker/rate limit off", scenario.BareAsync),
            ("Payments.Client, defaults (rate limit off)", scenario.DefaultsAsync),
        ];
        var throughput = new List<double>[concurrent.Length];
        for (int c = 0; c < concurrent.Length; c++)
        {
            throughput[c] = [];
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < concurrent.Length; k++)
            {
                int c = (k + round) % concurrent.Length;
                var clock = Stopwatch.StartNew();
                await Concurrently.Run(Callers, perCaller, concurrent[c].Call);
                throughput[c].Add(Callers * perCaller / clock.Elapsed.TotalSeconds);
            }
        }

        double floorRate = Median(throughput[0]);
        Console.WriteLine($"## {Callers} concurrent callers on one client, {Callers * perCaller:N0} calls x {rounds} rounds, medians");
        Console.WriteLine();
        Console.WriteLine("| contender | calls/s | ratio |");
        Console.WriteLine("|---|---:|---:|");
        for (int c = 0; c < concurrent.Length; c++)
        {
            double rate = Median(throughput[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {concurrent[c].Name} | {rate:N0} | {rate / floorRate:F2}x |"));
        }

        return 0;
    }

    private static async Task<(double CpuUs, double WallUs, double Bytes)> MeasureAsync(int calls, Func<Task> call)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            await call();
        }

        TimeSpan elapsed = clock.Elapsed;
        long bytesAfter = GC.GetTotalAllocatedBytes(precise: true);
        self.Refresh();
        TimeSpan cpuAfter = self.TotalProcessorTime;
        return ((cpuAfter - cpuBefore).TotalMicroseconds / calls, elapsed.TotalMicroseconds / calls, (double)(bytesAfter - bytesBefore) / calls);
    }

    internal static double Median(List<double> values)
    {
        List<double> sorted = [.. values.Order()];
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string? OptionText(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
