namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// The contract signs the body alone (no timestamp), and a handled id is remembered for the deduplication window: an event
/// created longer ago than the window, less a margin for the sender's and our clocks disagreeing, could be a captured
/// delivery replayed after its id was forgotten, so it is never handled (inline or from the inbox). An event without a
/// readable <c>created_at</c> (the legacy shape) is handled as before.
/// </summary>
internal static class ReplayWindow
{
    /// <summary>How far the sender's clock may be ahead of ours without a fresh event counting as old.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static bool IsTooOld(PaymentsEvent paymentsEvent, TimeSpan window, DateTimeOffset now) =>
        paymentsEvent.CreatedAt is { } created && now - created > window - ClockSkew;
}
