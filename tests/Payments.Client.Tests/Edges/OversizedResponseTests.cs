namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "Oversized responses". The client reads at most 1 MiB; the status still decides.</summary>
public class OversizedResponseTests
{
    private const int Limit = 1024 * 1024;

    public static TheoryData<bool> Declared => new() { true, false };

    [Theory]
    [MemberData(nameof(Declared))]
    public async Task A_5xx_over_the_limit_keeps_its_status_and_is_retried_with_the_same_key(bool declared)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, Oversized(503, declared), TestClient.Ok("ch_after_big_503"));

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal("ch_after_big_503", result.Charge.Id);
        Assert.Equal(2, api.Attempts.Count);
        Assert.Equal(api.Attempts[0].IdempotencyKey, api.Attempts[1].IdempotencyKey);
    }

    [Theory]
    [MemberData(nameof(Declared))]
    public async Task Over_limit_5xx_on_every_attempt_end_as_a_server_error_with_the_status(bool declared)
    {
        var api = new TestClient(o => o.Retry.MaxAttempts = 2);
        api.Script(TestClient.ChargeUrl, Oversized(502, declared));

        ServerErrorException error = await api.Run(() => Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request("k-big"))));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.Equal("k-big", error.IdempotencyKey);
        Assert.DoesNotContain("no response", error.Message);
    }

    [Fact]
    public async Task Over_limit_5xx_are_counted_by_the_circuit_breaker()
    {
        var api = new TestClient(o =>
        {
            o.Retry.MaxAttempts = 1;
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
        });
        api.Script(TestClient.ChargeUrl, Oversized(500, declared: true));

        await Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request()));
        await Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request()));
        await Assert.ThrowsAsync<CircuitOpenException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(2, api.Attempts.Count);
    }

    [Theory]
    [MemberData(nameof(Declared))]
    public async Task An_over_limit_4xx_is_still_the_kind_of_its_status(bool declared)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, Oversized(402, declared));

        CardDeclinedException error = await Assert.ThrowsAsync<CardDeclinedException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(402, error.StatusCode);
        Assert.Single(api.Attempts);
    }

    [Theory]
    [MemberData(nameof(Declared))]
    public async Task A_2xx_over_the_limit_keeps_its_status_says_the_outcome_is_unknown_and_is_not_retried(bool declared)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, Oversized(200, declared), TestClient.Ok());

        PaymentsException error = await api.Run(() => ErrorMappingTests.Catch(api.Client.ChargeAsync(TestClient.Request("k-big-200"))));

        Assert.Equal(typeof(PaymentsException), error.GetType());
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("k-big-200", error.IdempotencyKey);
        Assert.Contains("outcome is unknown", error.Message);
        Assert.Contains("same idempotency key", error.Message);
        Assert.Single(api.Attempts);
    }

    [Fact]
    public async Task A_charge_of_exactly_the_limit_is_read()
    {
        string json = """{ "id": "ch_exact", "status": "succeeded" }""";
        string padded = json + new string(' ', Limit - json.Length);
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(padded) }));

        ChargeResult result = await api.Client.ChargeAsync(TestClient.Request());

        Assert.Equal("ch_exact", result.Charge.Id);
    }

    private static Responder Oversized(int status, bool declared) => _ => Task.FromResult(new HttpResponseMessage((HttpStatusCode)status)
    {
        Content = declared ? new ByteArrayContent(new byte[Limit + 1]) : GeneratedStream.Chunked(Limit + 1),
    });
}
