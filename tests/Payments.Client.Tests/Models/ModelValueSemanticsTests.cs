namespace Payments.Client.Tests.Models;

/// <summary>Models are values: equal content is equal, and ToString shows the metadata rather than a type name.</summary>
public sealed class ModelValueSemanticsTests
{
    [Fact]
    public void Charges_with_equal_metadata_in_different_dictionaries_are_equal_and_hash_equally()
    {
        Charge a = JsonRoundTripTests.FullCharge(ChargeStatus.Succeeded) with { Metadata = new Dictionary<string, string?> { ["a"] = "1", ["b"] = null } };
        Charge b = a with { Metadata = new Dictionary<string, string?> { ["b"] = null, ["a"] = "1" } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Charges_whose_metadata_differs_are_not_equal()
    {
        Charge a = JsonRoundTripTests.FullCharge(ChargeStatus.Succeeded) with { Metadata = new Dictionary<string, string?> { ["a"] = "1" } };

        Assert.NotEqual(a, a with { Metadata = new Dictionary<string, string?> { ["a"] = "2" } });
        Assert.NotEqual(a, a with { Metadata = new Dictionary<string, string?> { ["a"] = "1", ["b"] = "1" } });
        Assert.NotEqual(a, a with { Metadata = new Dictionary<string, string?>() });
    }

    [Fact]
    public void Charge_ToString_prints_metadata_pairs_sorted_by_key()
    {
        Charge charge = new() { Id = "ch_1", Metadata = new Dictionary<string, string?> { ["order"] = "42", ["cart"] = "7" } };

        Assert.Contains("Metadata = {cart=7, order=42}", charge.ToString(), StringComparison.Ordinal);
        Assert.Contains("Metadata = {}", new Charge { Id = "ch_2" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ChargeRequest_keeps_a_copy_of_its_metadata_and_compares_it_by_value()
    {
        var source = new Dictionary<string, string> { ["order"] = "42" };
        var request = new ChargeRequest { Amount = 100, Currency = "usd", CustomerId = "cus_1", Metadata = source };
        source["order"] = "changed later";

        Assert.Equal("42", request.Metadata!["order"]);
        Assert.Equal(request, request with { Metadata = new Dictionary<string, string> { ["order"] = "42" } });
        Assert.Contains("Metadata = {order=42}", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_metadata_on_a_charge_reads_as_empty()
    {
        Charge charge = new() { Id = "ch_1", Metadata = null! };

        Assert.Empty(charge.Metadata);
        Assert.Equal(new Charge { Id = "ch_1" }, charge);
    }
}
