namespace Payments.Client.Tests;

/// <summary>Both calls answer with one <see cref="ChargeResult"/>: request id, attempts, and whether the API replayed a stored response.</summary>
public class ResponseMetadataTests
{
    [Fact]
    public async Task A_fresh_charge_is_not_replayed()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, Fixture.Read("v1-pending-response.json"), r => r.Headers.Add("Request-Id", "req_1")));

        ChargeResult result = await api.Client.ChargeAsync(TestClient.Request("order-1"));

        Assert.False(result.Replayed);
        Assert.Equal(("order-1", "req_1", 1), (result.IdempotencyKey, result.RequestId, result.Attempts));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public async Task A_retry_answered_from_the_idempotency_store_is_replayed(string header)
    {
        var api = new TestClient();
        api.Script(
            TestClient.ChargeUrl,
            TestClient.Error(503, "processing_error"),
            TestClient.Json(HttpStatusCode.OK, Fixture.Read("v1-pending-response.json"), r => r.Headers.Add("Idempotent-Replayed", header)));

        ChargeResult result = await api.Run(() => api.Client.ChargeAsync(TestClient.Request("order-2")));

        Assert.True(result.Replayed);
        Assert.Equal(2, result.Attempts);
        Assert.All(api.Attempts, a => Assert.Equal("order-2", a.IdempotencyKey));
    }

    [Fact]
    public async Task Only_true_means_replayed()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, Fixture.Read("v1-pending-response.json"), r => r.Headers.Add("Idempotent-Replayed", "false")));

        ChargeResult result = await api.Client.ChargeAsync(TestClient.Request());

        Assert.False(result.Replayed);
    }

    [Fact]
    public async Task A_read_exposes_the_request_id_and_attempts_of_the_final_attempt()
    {
        var api = new TestClient();
        api.Script(
            "https://api.example.com/v1/payments/charges/ch_1",
            TestClient.Error(503, "processing_error", r => r.Headers.Add("Request-Id", "req_first")),
            TestClient.Json(HttpStatusCode.OK, """{ "id": "ch_1", "status": "succeeded" }""", r => r.Headers.Add("X-Request-Id", "req_second")));

        ChargeResult read = await api.Run(() => api.Client.GetChargeAsync("ch_1"));

        Assert.Equal("ch_1", read.Charge.Id);
        Assert.Equal(("req_second", 2), (read.RequestId, read.Attempts));
        Assert.Null(read.IdempotencyKey);
        Assert.False(read.Replayed);
    }

    [Fact]
    public void Merchants_tests_can_build_results_for_both_calls()
    {
        var charge = new Charge { Id = "ch_1", Status = ChargeStatus.Succeeded };

        var replayed = new ChargeResult(charge, "order-1", "req_1", 2) { Replayed = true };
        var read = new ChargeResult(charge, null, "req_2", 1);

        Assert.True(replayed.Replayed);
        Assert.Equal((null, false), (read.IdempotencyKey, read.Replayed));
        Assert.Throws<ArgumentException>(() => new ChargeResult(charge, string.Empty, null, 1));
    }
}
