namespace Payments.Client.Webhooks.Tests;

public class ReceiverTests
{
    private readonly PaymentsWebhookReceiver _receiver = new([Vectors.Current]);

    [Fact]
    public void Parses_the_documents_charge_succeeded_event()
    {
        PaymentsEvent evt = _receiver.VerifyAndParse(Vectors.Body("charge-succeeded.json"), Vectors.Signature("charge-succeeded.json"));

        ChargeSucceededEvent succeeded = Assert.IsType<ChargeSucceededEvent>(evt);
        Assert.Equal("evt_9xK3mPq", succeeded.Id);
        Assert.Equal("charge.succeeded", succeeded.Type);
        Assert.Equal(new DateTimeOffset(2026, 6, 9, 14, 22, 11, TimeSpan.Zero), succeeded.CreatedAt);
        Assert.Equal("ch_2kF8xLmN4qRs", succeeded.Charge.Id);
        Assert.Equal(ChargeStatus.Succeeded, succeeded.Charge.Status);
        Assert.Equal(2500, succeeded.Charge.Amount);
        Assert.Equal("7c9e6679-7425-40de-944b-e07fc1f90ae7", succeeded.Charge.PaymentMethodId);
    }

    [Fact]
    public void Parses_the_documents_charge_failed_event_with_its_reason()
    {
        PaymentsEvent evt = _receiver.VerifyAndParse(Vectors.Body("charge-failed.json"), Vectors.Signature("charge-failed.json"));

        ChargeFailedEvent failed = Assert.IsType<ChargeFailedEvent>(evt);
        Assert.Equal("evt_4nB7rWx", failed.Id);
        Assert.Equal(FailureReason.InsufficientFunds, failed.Charge.FailureReason);
    }

    [Fact]
    public void Reads_the_legacy_shape_with_a_stable_derived_id()
    {
        byte[] body = Vectors.Body("legacy-charge-succeeded.json");
        string signature = Vectors.Signature("legacy-charge-succeeded.json");

        PaymentsEvent first = _receiver.VerifyAndParse(body, signature);
        PaymentsEvent again = _receiver.VerifyAndParse(body, signature);

        ChargeSucceededEvent succeeded = Assert.IsType<ChargeSucceededEvent>(first);
        Assert.Equal("ch_1234567890abcdef", succeeded.Charge.Id);
        Assert.Matches("^evt_sha256_[0-9a-f]{32}$", first.Id);
        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public void Keeps_an_unknown_event_type_whole_instead_of_failing()
    {
        byte[] body = Vectors.Body("unknown-type.json");

        PaymentsEvent evt = _receiver.VerifyAndParse(body, Vectors.Signature("unknown-type.json"));

        UnknownPaymentsEvent unknown = Assert.IsType<UnknownPaymentsEvent>(evt);
        Assert.Equal("charge.refunded", unknown.Type);
        Assert.Equal("evt_refund_1", unknown.Id);
        Assert.Equal(Encoding.UTF8.GetString(body), unknown.RawJson);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"id\":\"evt_1\"}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"charge.failed\",\"data\":{\"status\":\"failed\"}}")]
    [InlineData("{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"data\":{\"id\":\"ch\"}} trailing")]
    [InlineData("[1,2,3]")]
    public void A_valid_signature_over_malformed_json_is_a_malformed_payload(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        string signature = Sign(body, Vectors.Current);

        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => _receiver.VerifyAndParse(body, signature));

        Assert.Equal(WebhookFailureReason.MalformedPayload, error.Reason);
    }

    [Fact]
    public void An_oversized_body_is_rejected_before_verification()
    {
        var small = new PaymentsWebhookReceiver([Vectors.Current], maxBodyBytes: 100);
        byte[] body = Vectors.Body("charge-succeeded.json");

        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => small.VerifyAndParse(body, Vectors.Signature("charge-succeeded.json")));

        Assert.Equal(WebhookFailureReason.BodyTooLarge, error.Reason);
    }

    [Fact]
    public void A_huge_body_with_a_bad_signature_is_rejected_quickly_by_size()
    {
        byte[] huge = new byte[PaymentsWebhookReceiver.DefaultMaxBodyBytes + 1];

        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => _receiver.VerifyAndParse(huge, "sha256=00"));

        Assert.Equal(WebhookFailureReason.BodyTooLarge, error.Reason);
    }

    internal static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();
}
