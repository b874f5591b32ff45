using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// One webhook request: read the raw body once (bounded), verify, deduplicate, dispatch. Status codes:
/// 200 handled, duplicate or unknown type; 400 malformed signature header or payload; 401 missing or
/// wrong signature; 413 too large; 415 not JSON; 503 the same event is being handled right now
/// or the deduplication store cannot answer (with Retry-After); 500 a handler threw. Handlers never run for a request that is not 200-bound.
/// </summary>
internal static class WebhookEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Payments.Client.Webhooks");
        (PaymentsWebhookOptions options, PaymentsWebhookReceiver receiver) = services.GetRequiredService<ReceiverCache>().Current;
        HttpRequest request = context.Request;

        if (!IsJson(request.ContentType))
        {
            await RejectAsync(context, logger, StatusCodes.Status415UnsupportedMediaType, request.ContentType is null ? "no Content-Type" : "Content-Type is not application/json").ConfigureAwait(false);
            return;
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            await RejectAsync(context, logger, StatusCodes.Status413PayloadTooLarge, $"Content-Length {request.ContentLength} is over the {options.MaxBodyBytes}-byte limit").ConfigureAwait(false);
            return;
        }

        byte[]? buffer = null;
        try
        {
            (buffer, int length) = await ReadBodyAsync(request.Body, (int?)request.ContentLength, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            if (length < 0)
            {
                await RejectAsync(context, logger, StatusCodes.Status413PayloadTooLarge, $"body is over the {options.MaxBodyBytes}-byte limit").ConfigureAwait(false);
                return;
            }

            PaymentsEvent paymentsEvent;
            try
            {
                StringValues signature = request.Headers[PaymentsWebhookReceiver.SignatureHeaderName];
                paymentsEvent = receiver.VerifyAndParse(buffer.AsSpan(0, length), signature.Count == 0 ? null : signature[0]);
            }
            catch (WebhookVerificationException ex)
            {
                await RejectAsync(context, logger, StatusFor(ex.Reason), ex.Reason.ToString()).ConfigureAwait(false);
                return;
            }

            await DeliverAsync(context, logger, options, paymentsEvent).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static async Task DeliverAsync(HttpContext context, ILogger logger, PaymentsWebhookOptions options, PaymentsEvent paymentsEvent)
    {
        IWebhookDeduplicationStore store = context.RequestServices.GetRequiredService<IWebhookDeduplicationStore>();
        DeduplicationClaim? claim = await DeduplicationGuard.TryClaimAsync(context, logger, store, paymentsEvent).ConfigureAwait(false);
        if (claim is null)
        {
            return; // the store could not answer: 503 written, handlers not run
        }

        switch (claim.Status)
        {
            case DeduplicationStatus.AlreadyHandled:
                Log.Duplicate(logger, paymentsEvent.Id, paymentsEvent.Type);
                await WriteAsync(context, StatusCodes.Status200OK, """{"received":true,"duplicate":true}""").ConfigureAwait(false);
                return;
            case DeduplicationStatus.InProgress:
                // Not 2xx: if the delivery that holds the claim fails, this one must be retried.
                Log.InProgress(logger, paymentsEvent.Id, paymentsEvent.Type);
                context.Response.Headers.RetryAfter = "10";
                await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, """{"received":false,"reason":"in_progress"}""").ConfigureAwait(false);
                return;
        }

        try
        {
            await EventDispatcher.DispatchAsync(context.RequestServices, paymentsEvent, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await store.AbandonAsync(claim, CancellationToken.None).ConfigureAwait(false);
            Log.HandlerFailed(logger, paymentsEvent.Id, paymentsEvent.Type, ex);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, """{"received":false,"reason":"handler_failed"}""").ConfigureAwait(false);
            return;
        }

        await store.CompleteAsync(claim, options.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false);
        Log.Handled(logger, paymentsEvent.Id, paymentsEvent.Type);
        await WriteAsync(context, StatusCodes.Status200OK, """{"received":true}""").ConfigureAwait(false);
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes into a pooled buffer, grown as needed; length -1 as soon as the
    /// body proves larger. The buffer it returns is the caller's to return to the pool; on failure it returns its
    /// own buffer before throwing, so no array is ever handed back twice.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(Stream body, int? declaredLength, int limit, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, declaredLength + 1 ?? 16 * 1024));
        try
        {
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return (buffer, -1);
                    }

                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    byte[] old = buffer;
                    buffer = larger;
                    ArrayPool<byte>.Shared.Return(old);
                }

                int read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length > limit ? -1 : length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
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

    private static Task RejectAsync(HttpContext context, ILogger logger, int status, string reason)
    {
        Log.Rejected(logger, status, reason);
        return WriteAsync(context, status, $$"""{"received":false,"reason":"{{reason}}"}""");
    }

    internal static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}
