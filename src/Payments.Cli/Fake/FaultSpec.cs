using System.Globalization;
using Payments.Client.Testing;

namespace Payments.Cli.Fake;

/// <summary>
/// <c>SEED:RATE</c> for <c>payments fake --faults</c>: RATE (0 to 1) of the requests get a seeded random fault,
/// spread over every kind the fake has, so a run can be replayed with its seed.
/// </summary>
internal static class FaultSpec
{
    public static bool TryParse(string text, out RandomFaultOptions? options, out string? error)
    {
        options = null;
        error = null;
        string[] parts = text.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate))
        {
            error = $"--faults must be SEED:RATE, for example 42:0.2 (got '{text}').";
            return false;
        }

        if (rate is < 0 or > 1 || double.IsNaN(rate))
        {
            error = $"--faults RATE must be between 0 and 1 (got {parts[1]}).";
            return false;
        }

        // The mix of the chaos suite: mostly 5xx, then 429s (Retry-After 1 s), drops, and "charged, then the answer was lost".
        options = new RandomFaultOptions
        {
            Seed = seed,
            ServerErrorRate = rate * 0.4,
            RateLimitRate = rate * 0.15,
            RetryAfter = TimeSpan.FromSeconds(1),
            DropRate = rate * 0.15,
            ChargeThenFailRate = rate * 0.1,
            ChargeThenDropRate = rate * 0.1,
            SlowRate = rate * 0.1,
        };
        return true;
    }
}
