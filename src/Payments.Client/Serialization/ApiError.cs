using System.Text.Json;

namespace Payments.Client.Serialization;

/// <summary>The fields of an API error body, whichever of its documented shapes it came in.</summary>
internal sealed record ApiError(
    string? Type,
    string? Code,
    string? Message,
    string? Param,
    JsonElement? Details,
    string? DocUrl,
    string? FailureReason);
