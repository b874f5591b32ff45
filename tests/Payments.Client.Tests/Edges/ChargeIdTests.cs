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
    [InlineData("a/b", "a%2Fb")]
    [InlineData("../x", "..%2Fx")]
    [InlineData("./", ".%2F")]
    [InlineData("x?expand=all", "x%3Fexpand%3Dall")]
    [InlineData("x#frag", "x%23frag")]
    [InlineData("...", "...")]
    [InlineData("%2e%2e", "%252e%252e")]
    [InlineData("ch_1/../../payments", "ch_1%2F..%2F..%2Fpayments")]
    [InlineData("../../admin?x=1", "..%2F..%2Fadmin%3Fx%3D1")]
    public async Task Any_other_id_stays_one_segment_under_payments_charges(string chargeId, string segment)
    {
        var api = new TestClient();
        api.Script("*", TestClient.Ok());

        await api.Client.GetChargeAsync(chargeId);

        Uri sent = Assert.Single(api.Attempts).Uri;
        Assert.Equal("/v1/payments/charges/" + segment, sent.AbsolutePath);
        Assert.Equal(string.Empty, sent.Query);
        Assert.Equal(string.Empty, sent.Fragment);
    }
}
