using Payments.Client.Stores.Tests.Roles;

namespace Payments.Client.Stores.Tests;

/// <summary>
/// The receiver processes of the crash and scale-out proofs: <c>dotnet Payments.Client.Stores.Tests.dll receiver ...</c>.
/// The tests start them; <c>dotnet test</c> never calls this.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => args.Length > 0 && args[0] == "receiver" ? InboxReceiverRole.RunAsync(args[1..]) : Task.FromResult(Usage());

    private static int Usage()
    {
        Console.Error.WriteLine("usage: receiver <sqlite|postgres> <path-or-connection-string> <runs-file> <handler-ms> <lease-ms>");
        return 2;
    }
}
