namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: a charge id that is blank, "." or ".." is refused before sending; any other stays one path segment.</summary>
public class ChargeIdTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task A_blank_or_dot_segment_id_is_an_argument_error_naming_chargeId_and_nothing_is_sent(string chargeId)
    {
        var api = new TestClient();
        api.Script("*", TestClient.Ok());

        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => api.Client.GetChargeAsync(chargeId));

        Assert.Equal("chargeId", error.ParamName);
        Assert.Empty(api.Attempts);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../x")]
    [InlineData("./")]
    [InlineData("x?expand=all")]
    [InlineData("x#frag")]
    [InlineData("...")]
    [InlineData("%2e%2e")]
    [InlineData("ch_1/../../payments")]
    public async Task Any_other_id_stays_one_segment_under_payments_charges(string chargeId)
    {
        var api = new TestClient();
        api.Script("*", TestClient.Ok());

        await api.Client.GetChargeAsync(chargeId);

        Uri sent = Assert.Single(api.Attempts).Uri;
        Assert.StartsWith("/v1/payments/charges/", sent.AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain('/', sent.AbsolutePath["/v1/payments/charges/".Length..]);
        Assert.Equal(string.Empty, sent.Query);
        Assert.Equal(string.Empty, sent.Fragment);
        Assert.Equal(chargeId, Uri.UnescapeDataString(sent.AbsolutePath["/v1/payments/charges/".Length..]));
    }
}
