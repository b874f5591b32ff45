using CsCheck;

namespace Payments.Client.ChaosTests.Fuzz;

/// <summary>
/// Random bytes, mutated events and random headers into the webhook side: only an event or
/// <see cref="WebhookVerificationException"/> may come out; never another exception, a crash or a hang.
/// Bodies are signed correctly after mutation, so the parser behind the signature check is reached.
/// </summary>
public sealed class WebhookFuzzTests
{
    // Generous for 2 busy cores; a hang (an unbounded loop on some input) blows through it.
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private static readonly string[] Seeds =
    [
        """{"id":"evt_1","type":"charge.succeeded","created_at":"2026-01-02T03:04:05Z","data":{"id":"ch_1","object":"charge","status":"succeeded","amount":2500,"currency":"usd","customer_id":"cus_1","metadata":{"order":"42"},"livemode":false}}""",
        """{"id":"evt_2","type":"charge.failed","created_at":"2026-01-02T03:04:05Z","data":{"id":"ch_2","status":"failed","amount":2500,"currency":"usd","failure_reason":"insufficient_funds"}}""",
        """{"event":"charge.succeeded","data":{"id":"ch_3","status":"succeeded","amount":100,"currency":"eur"}}""",
        """{"id":"evt_4","type":"customer.created","data":{"id":"cus_9"}}""",
    ];

    /// <summary>A seed event with a few bytes replaced, deleted or inserted: mostly almost-JSON.</summary>
    private static readonly Gen<byte[]> MutatedEvent =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 6])
            .Select(t => Payments.Client.Tests.Shared.ByteMutations.Apply(Encoding.UTF8.GetBytes(Seeds[t.Item1]), t.Item2));

    private static readonly string[] Replacements = ["null", "true", "[]", "{}", "1e999", "-0", "\"\"", "\"\\ud800\"", "[[[[[[[[]]]]]]]]", "99999999999999999999999"];

    /// <summary>Structure-aware: a seed with one JSON value swapped for another type, nesting or a huge number.</summary>
    private static readonly Gen<byte[]> SwappedValue =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, Replacements.Length - 1].Select(i => Replacements[i]), Gen.Int[0, 40])
            .Select(t => Encoding.UTF8.GetBytes(SwapNthValue(Seeds[t.Item1], t.Item2, t.Item3)));

    private static readonly Gen<byte[]> Untrusted = Gen.OneOf(Gen.Byte.Array[0, 400], MutatedEvent, SwappedValue);

    private readonly PaymentsWebhookReceiver _receiver = new([Signing.Secret]);
    private readonly WebhookSignatureVerifier _verifier = new([Signing.Secret]);

    [Fact]
    public Task Signed_random_and_mutated_bodies_parse_or_fail_typed() => Bounded(() =>
        Untrusted.Sample(body =>
        {
            try
            {
                PaymentsEvent parsed = _receiver.VerifyAndParse(body, Signing.Sign(body));
                Assert.NotNull(parsed);
            }
            catch (WebhookVerificationException ex)
            {
                Assert.Equal(WebhookFailureReason.MalformedPayload, ex.Reason);
            }
        }, iter: 20_000));

    [Fact]
    public Task Unsigned_or_wrongly_signed_bodies_never_reach_the_parser() => Bounded(() =>
        Untrusted.Sample(body =>
        {
            var ex = Assert.Throws<WebhookVerificationException>(() => _receiver.VerifyAndParse(body, Signing.Sign(body, "whsec_other")));
            Assert.Equal(WebhookFailureReason.SignatureMismatch, ex.Reason);
        }, iter: 5_000));

    [Fact]
    public Task Random_signature_headers_are_rejected_typed_and_IsValid_never_throws() => Bounded(() =>
        Gen.OneOf(Gen.String, Gen.String.Select(s => "sha256=" + s), Gen.Char["0123456789abcdefABCDEF=: \t"].Array[0, 80].Select(c => "sha256=" + new string(c)))
            .Sample(header =>
            {
                byte[] body = Encoding.UTF8.GetBytes(Seeds[0]);
                Assert.False(_verifier.IsValid(body, header));
                var ex = Assert.Throws<WebhookVerificationException>(() => _verifier.Verify(body, header));
                Assert.True(ex.Reason is WebhookFailureReason.MalformedSignature or WebhookFailureReason.SignatureMismatch, ex.Reason.ToString());
            }, iter: 20_000));

    [Fact]
    public void A_valid_signature_with_any_case_or_padding_change_is_judged_consistently()
    {
        byte[] body = Encoding.UTF8.GetBytes(Seeds[0]);
        string good = Signing.Sign(body);

        Assert.True(_verifier.IsValid(body, good));
        Gen.Int[0, good.Length - 1].Select(Gen.Char, (i, c) => good[..i] + c + good[(i + 1)..]).Sample(header =>
        {
            // Verify and IsValid must agree on every header: one is the other with an exception.
            bool valid = _verifier.IsValid(body, header);
            Exception? thrown = Record.Exception(() => _verifier.Verify(body, header));
            Assert.Equal(valid, thrown is null);
            Assert.True(thrown is null or WebhookVerificationException);
        }, iter: 5_000);
    }

    private static async Task Bounded(Action run) => await Task.Run(run).WaitAsync(HangLimit);


    /// <summary>Replaces the n-th value after a colon (modulo their count) with <paramref name="replacement"/>.</summary>
    private static string SwapNthValue(string json, string replacement, int n)
    {
        int[] colons = json.Select((c, i) => (c, i)).Where(x => x.c == ':').Select(x => x.i).ToArray();
        int start = colons[n % colons.Length] + 1;
        int end = start;
        int depth = 0;
        bool inString = false;
        for (; end < json.Length; end++)
        {
            char c = json[end];
            if (inString)
            {
                if (c == '\\')
                {
                    end++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                if (depth-- == 0)
                {
                    break;
                }
            }
            else if (c == ',' && depth == 0)
            {
                break;
            }
        }

        return json[..start] + replacement + json[end..];
    }
}
