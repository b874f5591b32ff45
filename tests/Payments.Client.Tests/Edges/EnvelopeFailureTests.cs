namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "An envelope with "success": false is an error", whatever else it holds.</summary>
public class EnvelopeFailureTests
{
    [Fact]
    public async Task A_200_saying_success_false_is_an_error_even_with_data()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, """
            { "success": false,
              "error": { "code": "card_declined", "message": "Declined.", "failure_reason": "insufficient_funds" },
              "data": { "id": "ch_not_really", "status": "succeeded" } }
            """));

        CardDeclinedException error = await Assert.ThrowsAsync<CardDeclinedException>(() => api.Client.ChargeAsync(TestClient.Request("k-env")));

        Assert.Equal("card_declined", error.ErrorCode);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(FailureReason.InsufficientFunds, error.FailureReason);
        Assert.Equal("k-env", error.IdempotencyKey);
        Assert.Single(api.Attempts);
    }

    [Fact]
    public async Task Success_false_without_an_error_object_is_still_an_error_and_not_retried()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, """{ "success": false, "data": { "id": "ch_x" } }"""), TestClient.Ok());

        PaymentsException error = await ErrorMappingTests.Catch(api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(typeof(PaymentsException), error.GetType());
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("success", error.Message);
        Assert.Single(api.Attempts);
    }

    [Fact]
    public async Task A_server_error_code_in_a_200_envelope_is_a_server_error_but_not_retried()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.OK, """{ "success": false, "error": { "code": "processing_error" } }"""), TestClient.Ok());

        ServerErrorException error = await Assert.ThrowsAsync<ServerErrorException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal("processing_error", error.ErrorCode);
        Assert.Single(api.Attempts);
    }
}
