using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

// The floor for cold start: the same charge written by hand (HttpClient, source-generated System.Text.Json
// both ways, typed result, the same headers), against the base address in args[0].
Phases.Mark("main");
using var http = new HttpClient();
string key = Guid.NewGuid().ToString("N");
using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(args[0]), "payments/charge"))
{
    Content = JsonContent.Create(
        new ChargeBody(2500, "usd", "cus_a1b2c3d4", "pm_12345678", key, new Dictionary<string, string> { ["order_id"] = "ORD-2024-001", ["customer_ref"] = "CR-77812" }),
        ColdStartJson.Default.ChargeBody),
};
request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk_test_benchmark_key_0000000000");
request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
Phases.Mark("client built");
using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
if (response.StatusCode != HttpStatusCode.OK)
{
    return 1;
}

ChargeResponse? charge = await response.Content.ReadFromJsonAsync(ColdStartJson.Default.ChargeResponse);
Phases.Mark("charged");
return charge?.Metadata?.Count == 2 ? 0 : 1;

/// <summary>With COLDSTART_PHASES=1, prints ms since the process started at each step (to stderr).</summary>
internal static class Phases
{
    private static readonly bool On = Environment.GetEnvironmentVariable("COLDSTART_PHASES") == "1";

    public static void Mark(string step)
    {
        if (On)
        {
            Console.Error.WriteLine($"{step}: {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F1} ms");
        }
    }
}

internal sealed record ChargeBody(long Amount, string Currency, string CustomerId, string PaymentMethodId, string IdempotencyKey, Dictionary<string, string>? Metadata);

internal sealed record ChargeResponse(string Id, string? Object, string? Status, long? Amount, string? Currency, string? CustomerId, string? PaymentMethodId, DateTimeOffset? CreatedAt, string? FailureReason, Dictionary<string, string?>? Metadata);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChargeBody))]
[JsonSerializable(typeof(ChargeResponse))]
internal sealed partial class ColdStartJson : JsonSerializerContext;
