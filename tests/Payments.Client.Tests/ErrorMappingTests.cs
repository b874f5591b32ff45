namespace Payments.Client.Tests;

/// <summary>Every row of the contract's error table that is not retried: one attempt, the right kind, every field.</summary>
public class ErrorMappingTests
{
    public static TheoryData<int, string, Type> NotRetried => new()
    {
        { 400, "invalid_amount", typeof(InvalidRequestException) },
        { 400, "invalid_currency", typeof(InvalidRequestException) },
        { 400, "payment_method_mismatch", typeof(InvalidRequestException) },
        { 401, "authentication_failed", typeof(AuthenticationFailedException) },
        { 401, "unauthorized", typeof(AuthenticationFailedException) },
        { 402, "card_declined", typeof(CardDeclinedException) },
        { 404, "customer_not_found", typeof(NotFoundException) },
        { 404, "payment_method_not_found", typeof(NotFoundException) },
        { 409, "idempotency_conflict", typeof(IdempotencyConflictException) },
        { 409, "duplicate_idempotency_key", typeof(IdempotencyConflictException) },
        { 422, "currency_not_supported", typeof(UnprocessableRequestException) },
    };

    [Theory]
    [MemberData(nameof(NotRetried))]
    public async Task Each_documented_client_error_is_typed_and_not_retried(int status, string code, Type kind)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(status, code, r => r.Headers.Add("X-Request-Id", "req_9")));

        PaymentsException error = await api.Run(() => Catch(api.Client.ChargeAsync(TestClient.Request("order-7"))));

        Assert.IsType(kind, error);
        Assert.Single(api.Attempts);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("api_error", error.ErrorType);
        Assert.Equal("message from the API", error.ApiMessage);
        Assert.Equal($"https://docs.example.com/errors/{code}", error.DocUrl);
        Assert.Equal("x", error.Details!.Value.GetProperty("hint").GetString());
        Assert.Equal("req_9", error.RequestId);
        Assert.Equal("order-7", error.IdempotencyKey);
        Assert.Equal(1, error.Attempts);
        Assert.Contains($"HTTP {status}", error.Message);
        Assert.Contains(code, error.Message);
        Assert.Contains("order-7", error.Message);
    }

    [Fact]
    public async Task A_decline_carries_its_failure_reason()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(402, "card_declined", failureReason: "insufficient_funds"));

        CardDeclinedException error = await Assert.ThrowsAsync<CardDeclinedException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(FailureReason.InsufficientFunds, error.FailureReason);
        Assert.Contains("insufficient_funds", error.Message);
    }

    [Fact]
    public async Task A_decline_reason_inside_details_is_found_too()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json((HttpStatusCode)402, """{ "error": { "code": "card_declined", "details": { "failure_reason": "lost_card" } } }"""));

        CardDeclinedException error = await Assert.ThrowsAsync<CardDeclinedException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(FailureReason.LostCard, error.FailureReason);
    }

    [Theory]
    [InlineData(400, "<html>Bad Request</html>", typeof(InvalidRequestException))]
    [InlineData(401, "", typeof(AuthenticationFailedException))]
    [InlineData(402, "not json", typeof(CardDeclinedException))]
    [InlineData(404, "{ \"error\": ", typeof(NotFoundException))]
    [InlineData(409, "[]", typeof(IdempotencyConflictException))]
    [InlineData(422, "null", typeof(UnprocessableRequestException))]
    [InlineData(418, "<h1>teapot</h1>", typeof(PaymentsException))]
    public async Task A_body_that_is_not_json_still_yields_the_kind_of_its_status(int status, string body, Type kind)
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json((HttpStatusCode)status, body));

        PaymentsException error = await Catch(api.Client.ChargeAsync(TestClient.Request()));

        Assert.IsType(kind, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Contains($"HTTP {status}", error.Message);
        Assert.NotNull(error.IdempotencyKey);
    }

    [Fact]
    public async Task An_undocumented_status_falls_back_to_the_error_code()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Error(403, "unauthorized"));

        await Assert.ThrowsAsync<AuthenticationFailedException>(() => api.Client.ChargeAsync(TestClient.Request()));
    }

    [Fact]
    public async Task The_error_shape_without_success_is_read()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.BadRequest, """{ "error": { "code": "invalid_amount", "param": "amount", "message": "Must be >= 50." } }"""));

        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal("amount", error.Param);
        Assert.Equal("Must be >= 50.", error.ApiMessage);
    }

    [Fact]
    public async Task The_enveloped_documents_error_example_is_read()
    {
        var api = new TestClient();
        api.Script(TestClient.ChargeUrl, TestClient.Json(HttpStatusCode.BadRequest, Fixture.Read("enveloped-error-response.json")));

        InvalidRequestException error = await Assert.ThrowsAsync<InvalidRequestException>(() => api.Client.ChargeAsync(TestClient.Request()));

        Assert.Equal(("string", "string", "string", "string"), (error.ErrorType, error.ErrorCode, error.Param, error.DocUrl));
        Assert.Null(error.Details);
    }

    internal static async Task<PaymentsException> Catch<T>(Task<T> call)
    {
        try
        {
            await call;
        }
        catch (PaymentsException error)
        {
            return error;
        }

        throw new Xunit.Sdk.XunitException("Expected a PaymentsException.");
    }
}
