namespace Payments.Client.Pipeline;

/// <summary>The documented limits of the key's mode; an unrecognised prefix is treated as live.</summary>
internal static class KeyMode
{
    public static bool IsTest(string apiKey) => apiKey.StartsWith("sk_test_", StringComparison.Ordinal);

    public static (int PerSecond, int Burst) DocumentedLimit(string apiKey) => IsTest(apiKey) ? (25, 50) : (100, 150);
}
