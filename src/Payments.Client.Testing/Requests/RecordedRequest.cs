namespace Payments.Client.Testing;

/// <summary>A request the fake received, as received, and how it was answered.</summary>
public sealed record RecordedRequest
{
    /// <summary>Arrival order, from 1.</summary>
    public required int Sequence { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The path, for example <c>/v1/payments/charge</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Every request header (names case-insensitive; repeated headers joined with a comma).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The <c>Idempotency-Key</c> header, if sent (the body's <c>idempotency_key</c> is in <see cref="Body"/>).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The body as UTF-8 text; empty for none.</summary>
    public required string Body { get; init; }

    /// <summary>When it arrived, on the fake's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The status answered; 0 when the connection was dropped; null while still being handled.</summary>
    public int? StatusCode { get; init; }

    /// <summary>
    /// The fault injected into this request (<c>fail 503</c>, <c>drop</c>, <c>charge-then-drop</c>, <c>delay 500 ms</c>...), if any.
    /// A delayed request shows its fault while its response is held (<see cref="StatusCode"/> still null).
    /// </summary>
    public string? Fault { get; init; }

    /// <summary>True when the answer was an idempotent replay of an earlier response (no new charge).</summary>
    public bool Replayed { get; init; }
}
