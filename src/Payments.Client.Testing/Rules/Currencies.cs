namespace Payments.Client.Testing;

/// <summary>
/// The currencies the fake knows. Any active ISO 4217 code is a valid currency; the non-money codes
/// (precious metals, bond units, the SDR, the test code XTS and XXX) are valid ISO codes that the fake,
/// like a card processor, cannot charge: 422 <c>currency_not_supported</c>.
/// </summary>
public static class Currencies
{
    /// <summary>ISO 4217 codes the fake refuses with 422 <c>currency_not_supported</c>.</summary>
    public static IReadOnlySet<string> NotSupported { get; } = Iso4217.NonMoney;

    /// <summary>True for any ISO 4217 code, chargeable or not, in any case.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether the code is ISO 4217.</returns>
    public static bool IsIso4217(string code) => Iso4217.IsCode(code);

    /// <summary>True for an ISO 4217 code the fake can charge, in any case.</summary>
    /// <param name="code">The code.</param>
    /// <returns>Whether a charge in this currency can succeed.</returns>
    public static bool IsSupported(string code) => Iso4217.TryGetMinorUnitDigits(code, out _);
}
