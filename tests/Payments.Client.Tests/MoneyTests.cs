namespace Payments.Client.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("25.00", "usd", 2500)]
    [InlineData("25", "USD", 2500)]
    [InlineData("0.5", "eur", 50)]
    [InlineData("2500", "jpy", 2500)]
    [InlineData("1.005", "kwd", 1005)]
    [InlineData("1.5", "BHD", 1500)]
    [InlineData("-3.10", "usd", -310)]
    [InlineData("0", "usd", 0)]
    [InlineData("1.2345", "clf", 12345)]
    public void Converts_by_the_currency_exponent(string amount, string currency, long expected) =>
        Assert.Equal(expected, Money.ToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Theory]
    [InlineData("25.001", "usd")]
    [InlineData("0.5", "jpy")]
    [InlineData("1.0005", "kwd")]
    public void Refuses_an_amount_it_would_have_to_round(string amount, string currency)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Money.ToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));
        Assert.Contains("rounded", error.Message);
        Assert.Equal("amount", error.ParamName);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("dollars")]
    [InlineData("")]
    [InlineData(" ")]
    public void Refuses_an_unknown_currency_naming_it(string currency)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Money.ToMinorUnits(1m, currency));
        Assert.Equal("currency", error.ParamName);
    }

    [Fact]
    public void Refuses_null_currency() => Assert.Throws<ArgumentNullException>(() => Money.ToMinorUnits(1m, null!));

    [Fact]
    public void Refuses_an_amount_that_does_not_fit() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.ToMinorUnits(decimal.MaxValue / 10, "usd"));

    [Theory]
    [InlineData(2500, "usd", "25")]
    [InlineData(2500, "jpy", "2500")]
    [InlineData(1005, "kwd", "1.005")]
    [InlineData(-1, "usd", "-0.01")]
    public void Converts_back_to_a_decimal(long minor, string currency, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Money.FromMinorUnits(minor, currency));

    [Theory]
    [InlineData("usd", 2)]
    [InlineData("JPY", 0)]
    [InlineData("kwd", 3)]
    [InlineData(" krw ", 0)]
    public void Knows_the_iso_4217_exponent(string currency, int digits) => Assert.Equal(digits, Money.GetMinorUnitDigits(currency));
}
