namespace Payments.Client.Pipeline;

/// <summary>The documented limits of the key's mode; an unrecognised prefix is treated as live.</summary>
internal static class KeyMode
{
    /// <summary>The share of the documented rate the client paces at by default.</summary>
    public const double RateShare = 0.9;

    /// <summary>The share of the documented burst the client sends at once by default.</summary>
    public const double BurstShare = 0.8;

    public static bool IsTest(string apiKey) => apiKey.StartsWith("sk_test_", StringComparison.Ordinal);

    public static (int PerSecond, int Burst) DocumentedLimit(string apiKey) => IsTest(apiKey) ? (25, 50) : (100, 150);

    /// <summary>
    /// A little under the documented limit (test 22.5/s, burst 40; live 90/s, burst 120). The server's bucket
    /// cannot bank refill while it is full, so when the first burst reaches it late (new connections,
    /// handshakes) and later requests on warm connections catch up, an exactly matched client would meet
    /// 429s; the spare burst absorbs such bunching, and the spare rate rebuilds the spare burst.
    /// </summary>
    public static (double PerSecond, int Burst) PacedLimit(string apiKey)
    {
        (int perSecond, int burst) = DocumentedLimit(apiKey);
        return (perSecond * RateShare, (int)(burst * BurstShare));
    }
}
