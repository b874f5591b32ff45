using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Asks the deduplication store for a claim. A store that cannot answer (Redis down, SQL timeout) never lets
/// handlers run unguarded: the delivery is answered 503 with <c>Retry-After</c>, so the sender tries again later.
/// </summary>
internal static class DeduplicationGuard
{
    /// <summary>Seconds the sender is asked to wait while the store is unavailable.</summary>
    internal const string RetryAfterSeconds = "5";

    /// <summary>The <c>payments.webhooks.reason</c> of a delivery refused because the store could not answer.</summary>
    internal const string StoreUnavailableReason = "store_unavailable";

    /// <returns>The store's answer, or <see langword="null"/> when it failed and the 503 is written (and counted as rejected).</returns>
    public static async Task<DeduplicationClaim?> TryClaimAsync(HttpContext context, ILogger logger, DeliveryTelemetry telemetry, IWebhookDeduplicationStore store, PaymentsEvent paymentsEvent)
    {
        try
        {
            return await store.TryClaimAsync(paymentsEvent.Id, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            Log.StoreUnavailable(logger, paymentsEvent.Id, paymentsEvent.Type, ex);
            telemetry.Rejected(StoreUnavailableReason, StatusCodes.Status503ServiceUnavailable);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await WebhookEndpoint.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, """{"received":false,"reason":"deduplication_unavailable"}""").ConfigureAwait(false);
            return null;
        }
    }
}
