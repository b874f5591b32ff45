namespace Payments.Client.Testing;

/// <summary>
/// The fake's rate limit. On by default at the contract's test-mode limits: 25 requests per second,
/// bursts of 50 per second for up to 10 seconds. Counted on <see cref="FakePaymentsApiOptions.TimeProvider"/>,
/// so with a fake clock the budget refills only when the test advances time.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether requests are limited at all. Default true; turn it off for load or chaos tests.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The sustained rate. Default 25 (test mode).</summary>
    public double RequestsPerSecond { get; set; } = 25;

    /// <summary>The peak rate, and the most requests accepted in one instant. Default 50.</summary>
    public double BurstRequestsPerSecond { get; set; } = 50;

    /// <summary>How long the peak rate can be sustained from a rested state. Default 10 seconds.</summary>
    public TimeSpan BurstDuration { get; set; } = TimeSpan.FromSeconds(10);
}
