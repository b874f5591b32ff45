namespace Payments.Client.Redis.Tests;

/// <summary>
/// The child processes of the scale-out proofs: <c>dotnet Payments.Client.Redis.Tests.dll receiver ...</c> or
/// <c>... charger ...</c>. The tests start them; <c>dotnet test</c> never calls this.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => args.Length > 0 && args[0] == "receiver" ? ReceiverRole.RunAsync(args[1..])
        : args.Length > 0 && args[0] == "charger" ? ChargerRole.RunAsync(args[1..])
        : Task.FromResult(Usage());

    private static int Usage()
    {
        Console.Error.WriteLine("usage: receiver <redis> <secret> <handled-file> <claim-ms> | charger <redis> <base-address> <api-key> <count> <concurrency> <overall-timeout-ms>");
        return 2;
    }
}
