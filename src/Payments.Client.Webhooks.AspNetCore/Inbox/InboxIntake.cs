using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Inbox mode of the endpoint: a verified delivery is committed to the inbox (durably, before the answer) and answered
/// 200; a stored id again is 200 with no second row; a store that cannot commit is 503 with <c>Retry-After</c>, so
/// nothing is acknowledged that is not stored.
/// </summary>
internal static class InboxIntake
{
    public static async Task StoreAsync(HttpContext context, ILogger logger, DeliveryTelemetry telemetry, PaymentsEvent paymentsEvent, byte[] body)
    {
        IServiceProvider services = context.RequestServices;
        IWebhookInboxStore store = services.GetRequiredService<IWebhookInboxStore>();
        var delivery = new WebhookInboxDelivery(paymentsEvent.Id, paymentsEvent.Type, body, services.GetRequiredService<TimeProvider>().GetUtcNow(), Activity.Current?.Id);
        bool stored;
        try
        {
            // Not RequestAborted: a commit is never cut in half; the store's own timeouts bound it.
            stored = await store.TryAddAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.InboxUnavailable(logger, paymentsEvent.Id, paymentsEvent.Type, ex);
            telemetry.Rejected(DeduplicationGuard.StoreUnavailableReason, StatusCodes.Status503ServiceUnavailable);
            context.Response.Headers.RetryAfter = DeduplicationGuard.RetryAfterSeconds;
            await WebhookEndpoint.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, """{"received":false,"reason":"inbox_unavailable"}""").ConfigureAwait(false);
            return;
        }

        if (!stored)
        {
            Log.Duplicate(logger, paymentsEvent.Id, paymentsEvent.Type);
            telemetry.Duplicate(paymentsEvent, "already_stored", StatusCodes.Status200OK);
            await WebhookEndpoint.WriteAsync(context, StatusCodes.Status200OK, """{"received":true,"duplicate":true}""").ConfigureAwait(false);
            return;
        }

        services.GetRequiredService<WebhookInboxHostedService>().Notify();
        telemetry.Stored();
        Log.Stored(logger, paymentsEvent.Id, paymentsEvent.Type);
        await WebhookEndpoint.WriteAsync(context, StatusCodes.Status200OK, """{"received":true}""").ConfigureAwait(false);
    }
}
