namespace Payments.Client;

/// <summary>
/// Converts between decimal amounts and the integer minor units the API takes, by each currency's
/// ISO 4217 exponent (USD 2, JPY 0, KWD 3). Sending dollars where cents are expected is the most
/// common integration mistake; this helper makes the unit explicit and never rounds silently.
/// </summary>
public static class Money
{
    /// <summary>
    /// Converts a decimal amount to minor units: <c>ToMinorUnits(25.00m, "usd")</c> is 2500,
    /// <c>ToMinorUnits(2500m, "jpy")</c> is 2500, <c>ToMinorUnits(1.005m, "kwd")</c> is 1005.
    /// </summary>
    /// <param name="amount">The amount in major units (dollars, euros, yen).</param>
    /// <param name="currency">An ISO 4217 code, any case.</param>
    /// <returns>The amount in the currency's smallest unit.</returns>
    /// <exception cref="ArgumentException">The currency is not an ISO 4217 code, or the amount has more decimal places than the currency allows (it would have to be rounded).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount does not fit in minor units.</exception>
    public static long ToMinorUnits(decimal amount, string currency)
    {
        int digits = GetMinorUnitDigits(currency);
        decimal scaled;
        try
        {
            scaled = amount * Pow10(digits);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"The amount does not fit in {Normalize(currency)} minor units.");
        }

        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException(
                $"{amount} {Normalize(currency)} has more than {digits} decimal place(s); it would have to be rounded. Round it yourself before charging.",
                nameof(amount));
        }

        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"The amount does not fit in {Normalize(currency)} minor units.");
        }

        return (long)scaled;
    }

    /// <summary>Converts minor units back to a decimal amount: <c>FromMinorUnits(2500, "usd")</c> is 25.00.</summary>
    /// <param name="minorUnits">The amount in the currency's smallest unit.</param>
    /// <param name="currency">An ISO 4217 code, any case.</param>
    /// <returns>The amount in major units.</returns>
    /// <exception cref="ArgumentException">The currency is not an ISO 4217 code.</exception>
    public static decimal FromMinorUnits(long minorUnits, string currency)
    {
        int digits = GetMinorUnitDigits(currency);
        return (decimal)minorUnits / Pow10(digits);
    }

    /// <summary>The number of decimal places of a currency's minor unit (USD 2, JPY 0, KWD 3).</summary>
    /// <param name="currency">An ISO 4217 code, any case.</param>
    /// <returns>The ISO 4217 exponent.</returns>
    /// <exception cref="ArgumentException">The currency is null, empty or not an ISO 4217 code.</exception>
    public static int GetMinorUnitDigits(string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        if (!Iso4217.TryGetMinorUnitDigits(currency.Trim(), out int digits))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code this SDK knows.", nameof(currency));
        }

        return digits;
    }

    private static string Normalize(string currency) => currency.Trim().ToUpperInvariant();

    private static decimal Pow10(int digits) => digits switch
    {
        0 => 1m,
        2 => 100m,
        3 => 1000m,
        _ => 10000m,
    };
}
