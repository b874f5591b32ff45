using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payments.Client.Benchmarks;

/// <summary>
/// The floor: the same charge written by hand with HttpClient and source-generated System.Text.Json,
/// with the same headers and a typed failure, but no retries, no telemetry, no validation.
/// </summary>
/// <param name="metadata">Sent with every charge when set (the issue-13 scenario sends two pairs).</param>
internal sealed class HandWrittenBaseline(HttpClient http, Uri baseAddress, Dictionary<string, string>? metadata = null)
{
    private readonly Uri _chargeUri = new(baseAddress, "payments/charge");

    public async Task<BaselineCharge> ChargeAsync(CancellationToken cancellationToken = default)
    {
        string key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, _chargeUri)
        {
            Content = JsonContent.Create(
                new BaselineChargeRequest(2500, "usd", "cus_a1b2c3d4", "pm_12345678", key, metadata),
                BaselineJson.Default.BaselineChargeRequest),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + CannedApi.ApiKey);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            BaselineErrorEnvelope? error = await response.Content.ReadFromJsonAsync(BaselineJson.Default.BaselineErrorEnvelope, cancellationToken).ConfigureAwait(false);
            throw new BaselineException((int)response.StatusCode, error?.Error?.Code);
        }

        return (await response.Content.ReadFromJsonAsync(BaselineJson.Default.BaselineCharge, cancellationToken).ConfigureAwait(false))!;
    }
}

internal sealed record BaselineChargeRequest(long Amount, string Currency, string CustomerId, string PaymentMethodId, string IdempotencyKey, Dictionary<string, string>? Metadata);

public sealed record BaselineCharge(string Id, string? Object, string? Status, long? Amount, string? Currency, string? CustomerId, string? PaymentMethodId, DateTimeOffset? CreatedAt, string? FailureReason, Dictionary<string, string?>? Metadata);

internal sealed record BaselineError(string? Type, string? Code, string? Message, string? Param, string? DocUrl, string? FailureReason);

internal sealed record BaselineErrorEnvelope(bool? Success, BaselineError? Error);

internal sealed class BaselineException(int status, string? code) : Exception($"HTTP {status} {code}")
{
    public int Status { get; } = status;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BaselineChargeRequest))]
[JsonSerializable(typeof(BaselineCharge))]
[JsonSerializable(typeof(BaselineErrorEnvelope))]
internal sealed partial class BaselineJson : JsonSerializerContext;
