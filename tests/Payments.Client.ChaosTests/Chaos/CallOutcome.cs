namespace Payments.Client.ChaosTests.Chaos;

/// <summary>How one logical charge ended, as the caller saw it.</summary>
/// <param name="Index">Which call of the run.</param>
/// <param name="Key">The idempotency key the result or the exception carried; null only if neither did (a bug).</param>
/// <param name="ChargeId">The charge id of a successful result.</param>
/// <param name="Error">The exception, typed or not.</param>
/// <param name="Elapsed">Wall time of the call.</param>
/// <param name="Attempts">Attempts the client says it made.</param>
public sealed record CallOutcome(int Index, string? Key, string? ChargeId, Exception? Error, TimeSpan Elapsed, int Attempts)
{
    public bool Succeeded => ChargeId is not null;

    /// <summary>The outcome's kind for the figures: <c>charged</c> or the exception's type name.</summary>
    public string Kind => Succeeded ? "charged" : Error?.GetType().Name ?? "nothing";
}
