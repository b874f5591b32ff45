using Payments.Client.Testing.Json;
using Payments.Client.Testing.Rules;

namespace Payments.Client.Testing.Http;

/// <summary>An answer not yet written, so faults can replace or hold it after processing.</summary>
internal sealed record ApiResponse(int Status, byte[] Body)
{
    public string ContentType { get; init; } = "application/json; charset=utf-8";

    public string? RetryAfter { get; init; }

    /// <summary>An idempotent replay: sent with <c>Idempotent-Replayed: true</c>.</summary>
    public bool Replayed { get; init; }

    public static ApiResponse Error(ApiError error) => new(error.Status, ErrorJsonWriter.Write(error));
}
