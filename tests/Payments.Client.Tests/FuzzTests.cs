using CsCheck;
using Payments.Client.Contract;
using Payments.Client.Serialization;

namespace Payments.Client.Tests;

/// <summary>
/// Random bytes and mutated JSON into every reader of untrusted input: only a charge or our typed
/// failure may come out, never another exception, a crash or a hang.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Seeds =
    [
        Fixture.Read("v1-charge-response.json"),
        Fixture.Read("v1-pending-response.json"),
        Fixture.Read("enveloped-charge-response.json"),
        Fixture.Read("enveloped-error-response.json"),
        ApiErrors.Body("card_declined", failureReason: "insufficient_funds"),
    ];

    /// <summary>A documents' example with a few bytes replaced, deleted or inserted: mostly almost-JSON.</summary>
    private static readonly Gen<byte[]> MutatedJson =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[1, 6].SelectMany(n => Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Byte).Array[n]))
            .Select(t => Shared.ByteMutations.Apply(Encoding.UTF8.GetBytes(Seeds[t.Item1]), t.Item2));

    private static readonly int[] Statuses = [200, 201, 400, 401, 402, 404, 409, 418, 422, 429, 500, 503];

    private static readonly Gen<byte[]> Untrusted = Gen.OneOf(Gen.Byte.Array[0, 400], MutatedJson);

    [Fact]
    public void The_charge_reader_returns_a_charge_or_a_json_exception() =>
        Untrusted.Sample(bytes =>
        {
            try
            {
                Assert.False(string.IsNullOrEmpty(ChargeJsonReader.ReadResponse(bytes).Id));
            }
            catch (JsonException)
            {
            }
        }, iter: 20_000);

    [Fact]
    public void The_error_reader_never_throws() =>
        Untrusted.Sample(bytes => ErrorJsonReader.TryRead(bytes), iter: 20_000);

    [Fact]
    public void Deeply_nested_input_is_refused_quickly_not_a_stack_overflow()
    {
        byte[] deep = Encoding.UTF8.GetBytes("{\"id\":\"ch\",\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}");
        byte[] deepData = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"data\":", 10_000)) + "{}" + new string('}', 10_000));

        Assert.ThrowsAny<JsonException>(() => ChargeJsonReader.ReadResponse(deep));
        Assert.ThrowsAny<JsonException>(() => ChargeJsonReader.ReadResponse(deepData));
        Assert.Null(ErrorJsonReader.TryRead(deep));
    }

    [Fact]
    public async Task Through_the_client_any_body_with_any_status_is_a_charge_or_a_payments_exception()
    {
        var api = new TestClient(o =>
        {
            o.Retry.MaxAttempts = 1;
            o.CircuitBreaker.Enabled = false;
            o.RateLimit.Enabled = false;
        });
        (int Status, byte[] Body) current = (200, []);
        api.Script(TestClient.ChargeUrl, _ => Task.FromResult(new HttpResponseMessage((HttpStatusCode)current.Status) { Content = new ByteArrayContent(current.Body) }));
        Gen<(int, byte[])> cases = Gen.Select(Gen.Int[0, Statuses.Length - 1].Select(i => Statuses[i]), Untrusted);

        foreach ((int status, byte[] body) in cases.Array[300].Single())
        {
            current = (status, body);
            try
            {
                ChargeResult result = await api.Client.ChargeAsync(TestClient.Request());
                Assert.InRange(status, 200, 299);
                Assert.False(string.IsNullOrEmpty(result.Charge.Id));
            }
            catch (PaymentsException error)
            {
                Assert.NotNull(error.IdempotencyKey);
            }
        }
    }

}
