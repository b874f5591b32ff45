using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// One webhook request: read the raw body once (bounded), verify, deduplicate, dispatch (or, in inbox mode, store for the
/// inbox processor). Status codes: 200 handled (or stored), duplicate, unknown type, or older than the deduplication window
/// (not handled); 400 malformed signature header or payload, or a body that
/// ended early; 401 missing or wrong signature; 408 the body arrived too slowly; 413 too large; 415 not
/// JSON; 503 the same event is being handled right now, or the deduplication store or inbox cannot answer (with
/// Retry-After); 500 a handler threw. Handlers never run for a request that is not 200-bound.
/// </summary>
internal static class WebhookEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Payments.Client.Webhooks");
        (PaymentsWebhooksOptions options, PaymentsWebhookReceiver receiver) = services.GetRequiredService<ReceiverCache>().Current;
        HttpRequest request = context.Request;
        using DeliveryTelemetry telemetry = services.GetRequiredService<WebhookTelemetry>().StartDelivery();

        if (!IsJson(request.ContentType))
        {
            await RejectAsync(context, logger, telemetry, "unsupported_media_type", StatusCodes.Status415UnsupportedMediaType, request.ContentType is null ? "no Content-Type" : "Content-Type is not application/json").ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            await RejectAsync(context, logger, telemetry, "too_large", StatusCodes.Status413PayloadTooLarge, $"Content-Length {request.ContentLength} is over the {options.MaxBodyBytes}-byte limit").ConfigureAwait(false);
            return;
        }

        PooledBody? read = await TryReadBodyAsync(context, logger, telemetry, options.MaxBodyBytes).ConfigureAwait(false);
        if (read is not { } body)
        {
            return;
        }

        PaymentsEvent paymentsEvent;
        using (body)
        {
            if (body.TooLarge)
            {
                await RejectAsync(context, logger, telemetry, "too_large", StatusCodes.Status413PayloadTooLarge, $"body is over the {options.MaxBodyBytes}-byte limit").ConfigureAwait(false);
                return;
            }

            try
            {
                StringValues signature = request.Headers[PaymentsWebhookReceiver.SignatureHeaderName];
                paymentsEvent = receiver.VerifyAndParse(body.Bytes, signature.Count == 0 ? null : signature[0]);
                telemetry.Verified(paymentsEvent);
            }
            catch (WebhookVerificationException ex)
            {
                await RejectAsync(context, logger, telemetry, DeliveryTelemetry.ReasonFor(ex.Reason), StatusFor(ex.Reason), ex.Reason.ToString()).ConfigureAwait(false);
                return;
            }

            if (ReplayWindow.IsTooOld(paymentsEvent, options.DeduplicationWindow, services.GetRequiredService<TimeProvider>().GetUtcNow()))
            {
                Log.TooOld(logger, paymentsEvent.Id, paymentsEvent.Type, paymentsEvent.CreatedAt!.Value, options.DeduplicationWindow, ReplayWindow.ClockSkew);
                telemetry.TooOld(paymentsEvent);
                await WriteAsync(context, StatusCodes.Status200OK, """{"received":true,"handled":false,"reason":"older_than_window"}""").ConfigureAwait(false);
                return;
            }

            if (WebhookInboxHostedService.InboxRegistered(services))
            {
                // Inbox mode: the raw bytes are stored (copied out of the pooled buffer) and the handlers run later.
                await InboxIntake.StoreAsync(context, logger, telemetry, paymentsEvent, body.Bytes.ToArray()).ConfigureAwait(false);
                return;
            }
        }

        // The buffer is back in the pool before handlers run: a slow handler holds the event, not the bytes.
        await DeliverAsync(context, logger, telemetry, options, paymentsEvent).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the body, or answers why it could not be read (and returns null): the server's own limit
    /// tripping is 413 like ours, a body slower than the server's minimum data rate 408, a body that ends
    /// early or is malformed 400; a sender that is gone gets nothing. One Information line, no stack trace.
    /// </summary>
    private static async Task<PooledBody?> TryReadBodyAsync(HttpContext context, ILogger logger, DeliveryTelemetry telemetry, int maxBodyBytes)
    {
        // The server's limit becomes the documented one, so a MaxBodyBytes above the server's default
        // (Kestrel: 30,000,000) is reachable. Read-only once something has started reading the body.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = maxBodyBytes;
        }

        try
        {
            // No RequestAborted here: a read cancelled by that token leaves Kestrel's body reader mid-read, and its
            // drain after the request then fails at Error. A vanished sender ends the read anyway, with an IOException.
            WebhookBodyReader reader = context.RequestServices.GetRequiredService<WebhookBodyReader>();
            return await reader.ReadAsync(context.Request.Body, maxBodyBytes, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectAsync(context, logger, telemetry, "too_large", StatusCodes.Status413PayloadTooLarge, $"body is over the {maxBodyBytes}-byte limit").ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            await AnswerUnreadBodyAsync(context, logger, telemetry, "timeout", StatusCodes.Status408RequestTimeout, "the body arrived too slowly").ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            await AnswerUnreadBodyAsync(context, logger, telemetry, "incomplete_body", StatusCodes.Status400BadRequest, "the body ended early or is malformed").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionResetException || (ex is IOException && context.RequestAborted.IsCancellationRequested))
        {
            // Aborting tells the server the body will never be read, so it does not try to drain it.
            Log.SenderGone(logger, "the connection closed mid-body");
            telemetry.Rejected("sender_gone", statusCode: null);
            context.Abort();
        }

        return null;
    }

    private static async Task AnswerUnreadBodyAsync(HttpContext context, ILogger logger, DeliveryTelemetry telemetry, string code, int status, string reason)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            Log.SenderGone(logger, reason);
            telemetry.Rejected(code, statusCode: null);
            return;
        }

        telemetry.Rejected(code, status);
        Log.BodyNotReceived(logger, reason, status);
        try
        {
            await WriteAsync(context, status, $$"""{"received":false,"reason":"{{reason}}"}""").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The sender left while being answered; the line above already says what happened.
        }
    }

    private static async Task DeliverAsync(HttpContext context, ILogger logger, DeliveryTelemetry telemetry, PaymentsWebhooksOptions options, PaymentsEvent paymentsEvent)
    {
        IWebhookDeduplicationStore store = context.RequestServices.GetRequiredService<IWebhookDeduplicationStore>();
        DeduplicationClaim? claim = await DeduplicationGuard.TryClaimAsync(context, logger, telemetry, store, paymentsEvent).ConfigureAwait(false);
        if (claim is null)
        {
            return; // the store could not answer: 503 written, handlers not run
        }

        switch (claim.Status)
        {
            case DeduplicationStatus.AlreadyHandled:
                Log.Duplicate(logger, paymentsEvent.Id, paymentsEvent.Type);
                telemetry.Duplicate(paymentsEvent, "already_handled", StatusCodes.Status200OK);
                await WriteAsync(context, StatusCodes.Status200OK, """{"received":true,"duplicate":true}""").ConfigureAwait(false);
                return;
            case DeduplicationStatus.InProgress:
                // Not 2xx: if the delivery that holds the claim fails, this one must be retried.
                Log.InProgress(logger, paymentsEvent.Id, paymentsEvent.Type);
                telemetry.Duplicate(paymentsEvent, "in_progress", StatusCodes.Status503ServiceUnavailable);
                context.Response.Headers.RetryAfter = "10";
                await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, """{"received":false,"reason":"in_progress"}""").ConfigureAwait(false);
                return;
        }

        long started = telemetry.HandlersStarting();
        try
        {
            await EventDispatcher.DispatchAsync(context.RequestServices, paymentsEvent, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            telemetry.HandlersFinished(paymentsEvent, started, ex);
            await store.AbandonAsync(claim, CancellationToken.None).ConfigureAwait(false);
            Log.HandlerFailed(logger, paymentsEvent.Id, paymentsEvent.Type, ex);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, """{"received":false,"reason":"handler_failed"}""").ConfigureAwait(false);
            return;
        }

        telemetry.HandlersFinished(paymentsEvent, started, failure: null);
        await store.CompleteAsync(claim, options.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false);
        Log.Handled(logger, paymentsEvent.Id, paymentsEvent.Type);
        await WriteAsync(context, StatusCodes.Status200OK, """{"received":true}""").ConfigureAwait(false);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed) &&
        (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || parsed.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static int StatusFor(WebhookFailureReason reason) => reason switch
    {
        WebhookFailureReason.MissingSignature or WebhookFailureReason.SignatureMismatch => StatusCodes.Status401Unauthorized,
        WebhookFailureReason.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    private static Task RejectAsync(HttpContext context, ILogger logger, DeliveryTelemetry telemetry, string code, int status, string reason)
    {
        Log.Rejected(logger, status, reason);
        telemetry.Rejected(code, status);
        return WriteAsync(context, status, $$"""{"received":false,"reason":"{{reason}}"}""");
    }

    internal static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}
