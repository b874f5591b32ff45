namespace Payments.Client.Redis.Tests.Support;

/// <summary>Signed deliveries of charge events, as the sender makes them, and a sender that retries non-200 answers.</summary>
internal static class Webhook
{
    public const string Secret = "whsec_scale_out_proofs";

    // created_at is now: an event older than the 24-hour deduplication window is answered without running handlers.
    public static byte[] Event(string id) => Encoding.UTF8.GetBytes(
        $$"""{"id":"{{id}}","type":"charge.succeeded","created_at":"{{DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)}}","data":{"id":"ch_{{id}}","object":"charge","status":"succeeded","amount":2500,"currency":"usd"} }""");

    public static async Task<(int Status, string Body)> PostAsync(HttpClient http, Uri endpoint, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        string signature = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)).ToLowerInvariant();
        request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, signature);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>
    /// Delivers until answered 200, as the real sender does; it waits 100 ms between tries instead of the
    /// Retry-After seconds so the proofs stay short. Every answer is counted in <paramref name="tally"/>.
    /// </summary>
    public static async Task DeliverAsync(HttpClient http, Uri endpoint, string eventId, Tally tally, CancellationToken cancellationToken)
    {
        byte[] body = Event(eventId);
        while (true)
        {
            (int status, string answer) = await PostAsync(http, endpoint, body, cancellationToken);
            tally.Add(status == 200 && answer.Contains("duplicate", StringComparison.Ordinal) ? "200 duplicate"
                : status == 200 ? "200 handled"
                : status.ToString(CultureInfo.InvariantCulture) + (answer.Contains("unavailable", StringComparison.Ordinal) ? " store unavailable" : answer.Contains("in_progress", StringComparison.Ordinal) ? " in progress" : string.Empty));
            if (status == 200)
            {
                return;
            }

            await Task.Delay(100, cancellationToken); // the sender's pause before redelivering a 503 (as a real sender does); bounded by the caller's token
        }
    }
}

/// <summary>Counts by label, thread-safe.</summary>
internal sealed class Tally
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string label)
    {
        lock (_counts)
        {
            _counts[label] = _counts.GetValueOrDefault(label) + 1;
        }
    }

    public int this[string label]
    {
        get
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(label);
            }
        }
    }

    public override string ToString()
    {
        lock (_counts)
        {
            return string.Join(", ", _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
        }
    }
}
