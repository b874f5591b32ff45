using Microsoft.Extensions.Logging;

namespace Payments.Client.Redis;

/// <summary>The package's log lines: event ids and bucket fingerprints, never a key, a secret or a connection string.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Redis rate limit unavailable; pacing by the in-process limit until it answers again (asked every {RetrySeconds} s).")]
    public static partial void RateLimitUnavailable(ILogger logger, double retrySeconds, Exception? exception);

    [LoggerMessage(2, LogLevel.Information, "Redis rate limit available again; pacing by the shared limit.")]
    public static partial void RateLimitRestored(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Payments webhook {EventId}: could not record completion in Redis yet; retrying so a redelivery is not handled again.")]
    public static partial void CompletionRetrying(ILogger logger, string eventId, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Payments webhook {EventId}: could not release the claim in Redis; it lapses after {ClaimSeconds} s, then a redelivery runs the handlers.")]
    public static partial void AbandonFailed(ILogger logger, string eventId, double claimSeconds, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Payments webhook {EventId}: the claim lapsed and another delivery took it before this one completed.")]
    public static partial void ClaimLost(ILogger logger, string eventId);
}
