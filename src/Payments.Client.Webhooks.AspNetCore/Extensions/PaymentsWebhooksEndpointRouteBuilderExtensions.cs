using Microsoft.AspNetCore.Routing;
using Payments.Client.Webhooks.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Payments webhook endpoint.</summary>
public static class PaymentsWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the webhook endpoint: reads the raw body once with a
    /// size limit, verifies <c>X-Signature-256</c> before anything else, deduplicates on the event id and runs
    /// the registered handlers. Requires <c>services.AddPaymentsWebhooks(...)</c>.
    /// </summary>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route, for example <c>/webhooks/payments</c>.</param>
    /// <returns>The endpoint's convention builder, for authorization policies, rate limiting or metadata.</returns>
    public static IEndpointConventionBuilder MapPaymentsWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapPost(pattern, WebhookEndpoint.HandleAsync)
            .WithDisplayName("Payments webhooks")
            .DisableAntiforgery();
    }
}
