using System.Text.Json.Nodes;

namespace Payments.Client.Testing.Tests.Contract;

/// <summary>The documents' example bodies (tests/Fixtures/Contract), and what the contract tests compare with them.</summary>
internal static class Golden
{
    /// <summary>README "Response": every field of a charge either document gives, in the v1 spelling.</summary>
    public static readonly string[] DocumentedChargeFields =
        "id object status amount currency customer_id payment_method_id description created_at updated_at failure_reason metadata livemode amount_subtotal tax_amount amount_total kind provider url expires_at".Split(' ');

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Text(name)).RootElement.Clone();

    /// <summary>The same names in the same order with the same values, whitespace aside.</summary>
    public static void SameJson(string expected, string actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(actual)!.ToJsonString());

    /// <summary>Every field of the document's example is in <paramref name="actual"/>, with the same JSON type (or null where the server has no value).</summary>
    public static void HasEveryFieldOf(JsonElement example, JsonElement actual)
    {
        foreach (JsonProperty field in example.EnumerateObject())
        {
            Assert.True(actual.TryGetProperty(field.Name, out JsonElement value), $"'{field.Name}' is missing from {actual}");
            Assert.True(TypeOf(value) == TypeOf(field.Value) || value.ValueKind == JsonValueKind.Null, $"'{field.Name}' is {value.ValueKind}, the document shows {field.Value.ValueKind}");
        }
    }

    private static JsonValueKind TypeOf(JsonElement value) => value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;

    /// <summary>Names in the snake_case or camelCase spelling of the README's list only: a server that invents a field is caught.</summary>
    public static void HasOnlyDocumentedFields(JsonElement charge)
    {
        foreach (JsonProperty field in charge.EnumerateObject())
        {
            Assert.Contains(DocumentedChargeFields, name => name == field.Name || name.Replace("_", string.Empty, StringComparison.Ordinal) == field.Name.ToLowerInvariant());
        }
    }

    /// <summary>A client (at the documented address, answered in memory) whose every attempt is answered with <paramref name="status"/> and <paramref name="body"/>; <paramref name="sent"/> collects the request bodies.</summary>
    public static PaymentsClient ClientAnswering(int status, string body, List<string> sent, PaymentsWireFormat format = PaymentsWireFormat.V1, string apiKey = "sk_test_golden") =>
        new(new HttpClient(new Answering(status, body, sent)) { Timeout = Timeout.InfiniteTimeSpan }, TestClientOptions.For(
            new Uri("https://api.example.com/v1/"), apiKey, wireFormat: format, maxAttempts: 1, rateLimit: false, circuitBreaker: false));

    private sealed class Answering(int status, string body, List<string> sent) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                sent.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            return new HttpResponseMessage((HttpStatusCode)status)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
        }
    }
}
