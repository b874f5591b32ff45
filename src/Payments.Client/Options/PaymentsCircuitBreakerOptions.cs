namespace Payments.Client;

/// <summary>
/// Stops sending while the API is failing, so a dead API does not pile up requests and threads: when the
/// share of failed attempts (5xx, network failures, timeouts) in <see cref="SamplingDuration"/> reaches
/// <see cref="FailureRatio"/>, calls fail at once with <see cref="CircuitOpenException"/> for
/// <see cref="BreakDuration"/>, then one trial attempt decides whether to close again. Nothing is sent
/// while open, so failing fast never risks a charge.
/// </summary>
public sealed class PaymentsCircuitBreakerOptions
{
    /// <summary>Whether the breaker is on. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Share of failed attempts that opens the circuit, above 0 and at most 1. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the ratio counts. Default 20.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. Default 30 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open. Default 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
