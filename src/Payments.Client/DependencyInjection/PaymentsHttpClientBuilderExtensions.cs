using Payments.Client;
using Payments.Client.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Settings of a Payments client that configuration cannot carry.</summary>
public static class PaymentsHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes the client draw its rate-limit tokens from <paramref name="limiter"/>, shared with every other process
    /// using the same API key, instead of from its in-process limit alone (which it falls back to while the shared
    /// one cannot answer). Call it on the builder that <c>AddPaymentsClient</c> returned.
    /// </summary>
    /// <param name="builder">The builder <c>AddPaymentsClient</c> returned.</param>
    /// <param name="limiter">Resolves the shared limiter; register it as a singleton so its state lives as long as the app.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">The builder is not a Payments client's.</exception>
    public static IHttpClientBuilder UseSharedRateLimiter(this IHttpClientBuilder builder, Func<IServiceProvider, IPaymentsRateLimiter> limiter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(limiter);
        if (!PaymentsClientRegistry.TryGetClientName(builder.Name, out string? name))
        {
            throw new InvalidOperationException($"UseSharedRateLimiter applies to the builder that AddPaymentsClient returns; '{builder.Name}' is not a Payments client.");
        }

        builder.Services.AddOptions<PaymentsClientOptions>(name).Configure<IServiceProvider>((options, services) => options.RateLimit.SharedLimiter = limiter(services));
        return builder;
    }
}
