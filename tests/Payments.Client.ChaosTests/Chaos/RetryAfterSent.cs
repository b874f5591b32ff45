namespace Payments.Client.ChaosTests.Chaos;

/// <summary>
/// The <c>Retry-After</c> the fake sent with an injected 429, read back from the fault it recorded
/// (<c>rate-limit (Retry-After: 1)</c> or <c>rate-limit (Retry-After: Sun, 22 Nov 2026 23:50:01 GMT)</c>).
/// </summary>
public static class RetryAfterSent
{
    private const string Prefix = "rate-limit (Retry-After: ";

    /// <summary>The earliest moment the next attempt with the same key may arrive, or null when the request was no 429.</summary>
    /// <remarks>
    /// Delta-seconds count from the response; the fake answers a 429 right after <see cref="RecordedRequest.ReceivedAt"/>,
    /// so counting from arrival is the stricter reading. An HTTP-date is absolute (whole seconds; the fake rounds it up).
    /// </remarks>
    public static DateTimeOffset? NotBefore(RecordedRequest request)
    {
        if (request.Fault is not { } fault || !fault.StartsWith(Prefix, StringComparison.Ordinal) || !fault.EndsWith(')'))
        {
            return null;
        }

        string value = fault[Prefix.Length..^1];
        return IsDate(value, out DateTimeOffset date)
            ? date
            : request.ReceivedAt + TimeSpan.FromSeconds(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    public static bool IsDate(RecordedRequest request) =>
        request.Fault is { } fault && fault.StartsWith(Prefix, StringComparison.Ordinal) && IsDate(fault[Prefix.Length..^1], out _);

    private static bool IsDate(string value, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
}
