using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Payments.Client.DependencyInjection;

/// <summary>
/// Keeps resilience handlers out of the Payments client's HTTP pipeline. The client retries itself, with the
/// idempotency key, Retry-After and its own deadlines; a second retry layer beneath it multiplies attempts
/// (Aspire's <c>AddStandardResilienceHandler</c> on every client turned 4 attempts into 16 requests).
/// </summary>
/// <remarks>
/// Handlers are recognised by type name, so the SDK takes no dependency on the packages that define them.
/// The removal runs as a post-configuration: after every other handler action, whether it came from
/// <c>ConfigureHttpClientDefaults</c> or was added to the builder that <c>AddPaymentsClient</c> returned.
/// </remarks>
internal static class ClientOwnedResilience
{
    private static readonly string[] ResilienceHandlerTypes =
    [
        // Microsoft.Extensions.Http.Resilience: AddStandardResilienceHandler, AddResilienceHandler, AddStandardHedgingHandler.
        "Microsoft.Extensions.Http.Resilience.ResilienceHandler",

        // Microsoft.Extensions.Http.Polly: AddPolicyHandler, AddTransientHttpErrorPolicy.
        "Microsoft.Extensions.Http.PolicyHttpMessageHandler",
    ];

    public static void Apply(IServiceCollection services, string httpClientName) =>
        services.PostConfigure<HttpClientFactoryOptions>(httpClientName, options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => RemoveResilienceHandlers(builder.AdditionalHandlers)));

    internal static void RemoveResilienceHandlers(IList<DelegatingHandler> handlers)
    {
        for (int i = handlers.Count - 1; i >= 0; i--)
        {
            if (IsResilienceHandler(handlers[i].GetType()))
            {
                DelegatingHandler removed = handlers[i];
                handlers.RemoveAt(i);
                removed.Dispose();
            }
        }
    }

    private static bool IsResilienceHandler(Type? type)
    {
        for (; type is not null && type != typeof(DelegatingHandler); type = type.BaseType)
        {
            if (Array.IndexOf(ResilienceHandlerTypes, type.FullName) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
