using Payments.Client.Serialization;

namespace Payments.Client;

/// <summary>What the client knows about a failed call, handed to an exception's constructor in one piece.</summary>
internal readonly record struct ErrorFacts(int StatusCode, ApiError? Error, string? RequestId, string? IdempotencyKey, TimeSpan? RetryAfter, int Attempts);
