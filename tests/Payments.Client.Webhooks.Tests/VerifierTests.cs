namespace Payments.Client.Webhooks.Tests;

public class VerifierTests
{
    private readonly WebhookSignatureVerifier _current = new([Vectors.Current]);

    public static TheoryData<string, string, string> KnownAnswers()
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string file, string secret, string signature) in Vectors.All)
        {
            data.Add(file, secret, signature);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void Accepts_every_openssl_known_answer(string file, string secret, string signature) =>
        Assert.True(new WebhookSignatureVerifier([secret]).IsValid(Vectors.Body(file), signature));

    [Fact]
    public void Accepts_a_signature_made_with_either_secret_during_rotation()
    {
        var rotating = new WebhookSignatureVerifier([Vectors.Current, Vectors.Previous]);
        byte[] body = Vectors.Body("charge-succeeded.json");

        Assert.True(rotating.IsValid(body, Vectors.Signature("charge-succeeded.json", Vectors.Current)));
        Assert.True(rotating.IsValid(body, Vectors.Signature("charge-succeeded.json", Vectors.Previous)));
        Assert.False(_current.IsValid(body, Vectors.Signature("charge-succeeded.json", Vectors.Previous)));
    }

    [Fact]
    public void Rejects_a_tampered_body()
    {
        byte[] body = Vectors.Body("charge-succeeded.json");
        body[Array.IndexOf(body, (byte)'2')] = (byte)'9'; // 2500 -> 9500

        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => _current.Verify(body, Vectors.Signature("charge-succeeded.json")));

        Assert.Equal(WebhookFailureReason.SignatureMismatch, error.Reason);
    }

    [Fact]
    public void Rejects_a_tampered_signature()
    {
        string signature = Vectors.Signature("charge-failed.json");
        string tampered = signature[..^1] + (signature[^1] == '0' ? '1' : '0');

        Assert.False(_current.IsValid(Vectors.Body("charge-failed.json"), tampered));
    }

    [Fact]
    public void Rejects_a_wrong_secret_without_naming_any_secret()
    {
        var wrong = new WebhookSignatureVerifier(["whsec_someone_else"]);

        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => wrong.Verify(Vectors.Body("charge-failed.json"), Vectors.Signature("charge-failed.json")));

        Assert.Equal(WebhookFailureReason.SignatureMismatch, error.Reason);
        Assert.DoesNotContain("whsec", error.ToString());
    }

    [Fact]
    public void Uppercase_hex_and_prefix_and_surrounding_whitespace_are_tolerated()
    {
        byte[] body = Vectors.Body("charge-succeeded.json");
        string hex = Vectors.Signature("charge-succeeded.json")["sha256=".Length..];

        Assert.True(_current.IsValid(body, "sha256=" + hex.ToUpperInvariant()));
        Assert.True(_current.IsValid(body, "SHA256=" + hex));
        Assert.True(_current.IsValid(body, "  sha256=" + hex + "\t"));
    }

    [Theory]
    [InlineData(null)] // missing, not malformed
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5b38")]
    [InlineData("sha1=40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5b38")]
    [InlineData("sha256=40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5b3")]
    [InlineData("sha256=40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5b38a")]
    [InlineData("sha256=40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5bzz")]
    [InlineData("sha256= 40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5b38")]
    [InlineData("sha256=40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5b38,sha256=40c216247c65a0d0bc0f5369d9f2b560bb56df0532e5d990ecb54ae5a71d5b38")]
    public void A_missing_or_malformed_header_is_a_typed_failure(string? header)
    {
        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => _current.Verify(Vectors.Body("charge-succeeded.json"), header));

        Assert.Equal(header is null ? WebhookFailureReason.MissingSignature : WebhookFailureReason.MalformedSignature, error.Reason);
    }

    [Fact]
    public void Verifying_a_valid_signature_allocates_nothing()
    {
        byte[] body = Vectors.Body("charge-succeeded.json");
        string header = Vectors.Signature("charge-succeeded.json");
        var rotating = new WebhookSignatureVerifier([Vectors.Previous, Vectors.Current]);
        for (int i = 0; i < 100; i++)
        {
            rotating.Verify(body, header);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            rotating.Verify(body, header);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Secrets_are_required()
    {
        Assert.Throws<ArgumentException>(() => new WebhookSignatureVerifier([]));
        Assert.Throws<ArgumentException>(() => new WebhookSignatureVerifier([""]));
    }
}
