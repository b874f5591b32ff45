namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// Contract, Edges: a webhook body must be valid UTF-8 JSON throughout, property names and skipped values
/// included; a verified body that is not is a malformed payload (400), never handled. The JSON reader alone
/// checks UTF-8 only where it decodes, so these places used to pass and reach handlers.
/// </summary>
public class Utf8BodyTests
{
    private const string Charge = """{"id":"ch_1","status":"succeeded","amount":2500,"currency":"usd"}""";

    private readonly PaymentsWebhookReceiver _receiver = new([Vectors.Current]);

    public static TheoryData<string, byte[]> BodiesWithInvalidUtf8 => new()
    {
        { "a property name of a charge event", Body("""{"id":"evt_1","type":"charge.succeeded","#":1,"data":""" + Charge + "}", [0xFF]) },
        { "a property name inside the charge", Body("""{"id":"evt_1","type":"charge.succeeded","data":{"#":1,""" + Charge[1..] + "}", [0xC3, 0x28]) },
        { "a skipped value of an unknown event type", Body("""{"id":"evt_2","type":"charge.refunded","data":{"note":"#"}}""", [0xC3, 0x28]) },
        { "a skipped property name of an unknown event type", Body("""{"id":"evt_2","type":"charge.refunded","data":{"#":"x"}}""", [0x80]) },
        { "an encoded surrogate in a skipped value", Body("""{"id":"evt_2","type":"charge.refunded","extra":["#"]}""", [0xED, 0xA0, 0x80]) },
        { "an overlong encoding in a skipped value", Body("""{"id":"evt_2","type":"charge.refunded","extra":"#"}""", [0xC0, 0xAF]) },
    };

    [Theory]
    [MemberData(nameof(BodiesWithInvalidUtf8))]
    public void A_signed_body_with_invalid_UTF8_anywhere_is_a_malformed_payload(string where, byte[] body)
    {
        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => _receiver.VerifyAndParse(body, ReceiverTests.Sign(body, Vectors.Current)));

        Assert.True(error.Reason == WebhookFailureReason.MalformedPayload, $"invalid UTF-8 in {where}: {error.Reason}");
    }

    [Fact]
    public void A_wrong_signature_over_invalid_UTF8_is_still_a_signature_mismatch()
    {
        // Verification comes first: an unsigned body is never judged on its content.
        byte[] body = Body("""{"id":"evt_2","type":"charge.refunded","note":"#"}""", [0xFF]);

        WebhookVerificationException error = Assert.Throws<WebhookVerificationException>(() => _receiver.VerifyAndParse(body, ReceiverTests.Sign(body, Vectors.Previous)));

        Assert.Equal(WebhookFailureReason.SignatureMismatch, error.Reason);
    }

    [Fact]
    public void An_unknown_event_with_multibyte_text_keeps_its_raw_JSON_byte_for_byte()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"id":"evt_3","type":"charge.refunded","data":{"note":"Zürich 東京 🎉"}}""");

        UnknownPaymentsEvent unknown = Assert.IsType<UnknownPaymentsEvent>(_receiver.VerifyAndParse(body, ReceiverTests.Sign(body, Vectors.Current)));

        Assert.Equal(body, Encoding.UTF8.GetBytes(unknown.RawJson));
    }

    [Theory]
    [MemberData(nameof(BodiesWithInvalidUtf8))]
    public async Task The_endpoint_answers_400_and_runs_no_handler(string where, byte[] body)
    {
        var recorder = new Recorder();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(recorder.ReadmeApp());

        using HttpResponseMessage response = await host.PostAsync(body, ReceiverTests.Sign(body, Vectors.Current));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"invalid UTF-8 in {where}: {response.StatusCode}");
        Assert.Contains("MalformedPayload", await response.Content.ReadAsStringAsync());
        Assert.Empty(recorder.Typed);
        Assert.Empty(recorder.CatchAll);
    }

    /// <summary>The JSON text with its one <c>#</c> replaced by <paramref name="invalid"/> raw bytes.</summary>
    private static byte[] Body(string json, byte[] invalid)
    {
        int at = json.IndexOf('#', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. invalid, .. Encoding.UTF8.GetBytes(json[(at + 1)..])];
    }
}
