namespace Payments.Client;

/// <summary>
/// One rate-limit budget as the client sees it: the API key's fingerprint (never the key) and the limit the
/// client paces to. Every client using the same key has the same <see cref="Id"/>, in every process.
/// </summary>
public sealed class PaymentsRateLimitBucket
{
    /// <summary>Describes a budget.</summary>
    /// <param name="id">A stable, non-secret name of the budget.</param>
    /// <param name="requestsPerSecond">The sustained rate, above 0 (the client's default paces a little under the documented limit, e.g. 22.5).</param>
    /// <param name="burst">How many requests may go at once after a quiet spell, at least 1.</param>
    public PaymentsRateLimitBucket(string id, double requestsPerSecond, int burst)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestsPerSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        Id = id;
        RequestsPerSecond = requestsPerSecond;
        Burst = burst;
    }

    /// <summary>The budget's name: for the client's buckets, the first 128 bits of the SHA-256 of the API key, in upper-case hex.</summary>
    public string Id { get; }

    /// <summary>The sustained rate.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>The most requests at once after a quiet spell.</summary>
    public int Burst { get; }

    /// <summary>Describes the budget.</summary>
    /// <returns>Id, rate and burst.</returns>
    public override string ToString() => $"PaymentsRateLimitBucket {{ Id = {Id}, RequestsPerSecond = {RequestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)}, Burst = {Burst} }}";
}
