using System.Net.Http.Headers;

namespace Payments.Client.Pipeline;

/// <summary>
/// Reads <c>Retry-After</c> as the contract's "Edges" section says, from the raw header (the validated
/// parser drops what it cannot hold in an <see cref="int"/>, and a folded list): delta-seconds or an
/// HTTP-date (RFC 9110); several values (two headers, or a list a proxy folded) count as the largest;
/// negative or unparseable values count as absent.
/// </summary>
internal static class RetryAfterHeader
{
    // Seconds beyond TimeSpan's range are longer than any Retry.MaxDelay: they fail fast as TimeSpan.MaxValue.
    private static readonly long MaxSeconds = (long)TimeSpan.MaxValue.TotalSeconds;

    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider time)
    {
        if (!headers.NonValidated.TryGetValues("Retry-After", out HeaderStringValues values))
        {
            return null;
        }

        TimeSpan? longest = null;
        foreach (string value in values)
        {
            longest = Max(longest, ReadOne(value, time));
        }

        return longest;
    }

    private static TimeSpan? ReadOne(string value, TimeProvider time)
    {
        // A whole HTTP-date has commas of its own ("Wed, 21 Oct 2015 07:28:00 GMT"): try it whole first.
        if (ReadDate(value, time) is { } whole)
        {
            return whole;
        }

        TimeSpan? longest = null;
        string[] parts = value.Split(',');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].Trim();
            if (ReadDelta(part) is { } delta)
            {
                longest = Max(longest, delta);
            }
            else if (i + 1 < parts.Length && ReadDate(part + "," + parts[i + 1], time) is { } date)
            {
                longest = Max(longest, date);
                i++;
            }
            else if (ReadDate(part, time) is { } bare)
            {
                longest = Max(longest, bare);
            }
        }

        return longest;
    }

    /// <summary>1*DIGIT; too many digits for any integer type still means "very long".</summary>
    private static TimeSpan? ReadDelta(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }

        string digits = text.TrimStart('0');
        long seconds = digits.Length == 0 ? 0 : digits.Length > 18 ? long.MaxValue : long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return seconds >= MaxSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>An HTTP-date; one in the past means "now".</summary>
    private static TimeSpan? ReadDate(string text, TimeProvider time)
    {
        if (!RetryConditionHeaderValue.TryParse(text, out RetryConditionHeaderValue? parsed) || parsed.Date is not { } date)
        {
            return null;
        }

        TimeSpan wait = date - time.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
