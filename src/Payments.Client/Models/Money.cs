using System.Collections.Frozen;

namespace Payments.Client;

/// <summary>
/// Converts between decimal amounts and the integer minor units the API takes, by each currency's
/// ISO 4217 exponent (USD 2, JPY 0, KWD 3). Sending dollars where cents are expected is the most
/// common integration mistake; this helper makes the unit explicit and never rounds silently.
/// </summary>
public static class Money
{
    // Exponents from ISO 4217 (active codes). Everything not listed under 0, 3 or 4 uses 2.
    private const string TwoDigitCodes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL " +
        "GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD " +
        "LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN " +
        "PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL " +
        "THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL";
    private const string ZeroDigitCodes = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDigitCodes = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDigitCodes = "CLF UYW";

    private static readonly FrozenDictionary<string, int> Exponents = BuildExponents();

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
        if (!Exponents.TryGetValue(Normalize(currency), out int digits))
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

    private static FrozenDictionary<string, int> BuildExponents()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(TwoDigitCodes, 2);
        Add(ZeroDigitCodes, 0);
        Add(ThreeDigitCodes, 3);
        Add(FourDigitCodes, 4);
        return map.ToFrozenDictionary(StringComparer.Ordinal);

        void Add(string codes, int digits)
        {
            foreach (string code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[code] = digits;
            }
        }
    }
}
