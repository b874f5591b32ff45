using System.Collections.Frozen;

namespace Payments.Client.Testing;

/// <summary>
/// The currencies the fake knows. Any active ISO 4217 code is a valid currency; the non-money codes
/// (precious metals, bond units, the SDR, the test code XTS and XXX) are valid ISO codes that the fake,
/// like a card processor, cannot charge: 422 <c>currency_not_supported</c>.
/// </summary>
public static class Currencies
{
    private const string ChargeableCodes =
        "aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob bov brl bsd btn bwp byn bzd " +
        "cad cdf che chf chw clf clp cny cop cou crc cuc cup cve czk djf dkk dop dzd egp ern etb eur fjd fkp gbp gel " +
        "ghs gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr iqd irr isk jmd jod jpy kes kgs khr kmf kpw krw kwd kyd kzt " +
        "lak lbp lkr lrd lsl lyd mad mdl mga mkd mmk mnt mop mru mur mvr mwk mxn mxv myr mzn nad ngn nio nok npr nzd " +
        "omr pab pen pgk php pkr pln pyg qar ron rsd rub rwf sar sbd scr sdg sek sgd shp sle sll sos srd ssp stn svc " +
        "syp szl thb tjs tmt tnd top try ttd twd tzs uah ugx usd usn uyi uyu uyw uzs ved ves vnd vuv wst xaf xcd xcg " +
        "xof xpf yer zar zmw zwg zwl";

    private const string NonMoneyCodes = "xag xau xba xbb xbc xbd xdr xpd xpt xsu xts xua xxx";

    private static readonly FrozenSet<string> Chargeable = Split(ChargeableCodes);

    /// <summary>ISO 4217 codes the fake refuses with 422 <c>currency_not_supported</c>.</summary>
    public static IReadOnlySet<string> NotSupported { get; } = Split(NonMoneyCodes);

    /// <summary>True for any ISO 4217 code, chargeable or not, in any case.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is ISO 4217.</returns>
    public static bool IsIso4217(string code) => Chargeable.Contains(code.ToLowerInvariant()) || NotSupported.Contains(code.ToLowerInvariant());

    /// <summary>True for an ISO 4217 code the fake can charge, in any case.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether a charge in this currency can succeed.</returns>
    public static bool IsSupported(string code) => Chargeable.Contains(code.ToLowerInvariant());

    private static FrozenSet<string> Split(string codes) =>
        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
