using Payments.Client.ChaosTests.Chaos;

namespace Payments.Client.ChaosTests;

/// <summary>
/// The soak: <c>dotnet run -c Release --project tests/Payments.Client.ChaosTests -- --count 20000 --seed 7 [--concurrency 32]</c>.
/// Prints the figures, then every broken guarantee; exits 1 when any broke. Not part of <c>dotnet test</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int count = Arg(args, "--count", 20_000);
        int seed = Arg(args, "--seed", 7);
        int concurrency = Arg(args, "--concurrency", 32);

        ChaosRun run = await ChaosDriver.RunAsync(new ChaosSettings(count, seed, concurrency));
        Console.Write(ChaosFigures.Format(run));

        IReadOnlyList<string> broken = ChaosChecks.All(run);
        foreach (string failure in broken.Take(50))
        {
            Console.WriteLine("BROKEN: " + failure);
        }

        Console.WriteLine(broken.Count == 0 ? "all guarantees held" : $"{broken.Count} guarantee violations");
        return broken.Count == 0 ? 0 : 1;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
