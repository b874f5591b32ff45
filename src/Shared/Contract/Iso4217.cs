using System.Collections.Frozen;

namespace Payments.Client.Contract;

/// <summary>
/// The ISO 4217 table, once: every active code with its minor-unit exponent (USD 2, JPY 0, KWD 3), and the
/// codes that are ISO 4217 but not money (precious metals, bond units, the SDR, the test codes XTS and XXX).
/// <see cref="Money"/> converts by it; the fake validates and charges by it.
/// </summary>
internal static class Iso4217
{
    // Exponents from ISO 4217 (active codes). Everything not listed under 0, 3 or 4 uses 2.
    private const string TwoDigitCodes =
        "aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bmd bnd bob bov brl bsd btn bwp byn bzd " +
        "cad cdf che chf chw cny cop cou crc cuc cup cve czk dkk dop dzd egp ern etb eur fjd fkp gbp gel " +
        "ghs gip gmd gtq gyd hkd hnl htg huf idr ils inr irr jmd kes kgs khr kpw kyd kzt lak lbp lkr lrd " +
        "lsl mad mdl mga mkd mmk mnt mop mru mur mvr mwk mxn mxv myr mzn nad ngn nio nok npr nzd pab pen " +
        "pgk php pkr pln qar ron rsd rub sar sbd scr sdg sek sgd shp sle sll sos srd ssp stn svc syp szl " +
        "thb tjs tmt top try ttd twd tzs uah usd usn uyu uzs ved ves wst xcd xcg yer zar zmw zwg zwl";
    private const string ZeroDigitCodes = "bif clp djf gnf isk jpy kmf krw pyg rwf ugx uyi vnd vuv xaf xof xpf";
    private const string ThreeDigitCodes = "bhd iqd jod kwd lyd omr tnd";
    private const string FourDigitCodes = "clf uyw";
    private const string NonMoneyCodes = "xag xau xba xbb xbc xbd xdr xpd xpt xsu xts xua xxx";

    private static readonly FrozenDictionary<string, int> Exponents = BuildExponents();

    /// <summary>The non-money codes, lowercase.</summary>
    public static FrozenSet<string> NonMoney { get; } =
        NonMoneyCodes.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The exponent of a money code, in any case; false for a non-money or unknown code.</summary>
    public static bool TryGetMinorUnitDigits(string code, out int digits) => Exponents.TryGetValue(code.ToLowerInvariant(), out digits);

    /// <summary>Whether <paramref name="code"/>, in any case, is ISO 4217 at all (money or not).</summary>
    public static bool IsCode(string code) => Exponents.ContainsKey(code.ToLowerInvariant()) || NonMoney.Contains(code.ToLowerInvariant());

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
            foreach (string code in codes.Split(' '))
            {
                map[code] = digits;
            }
        }
    }
}
