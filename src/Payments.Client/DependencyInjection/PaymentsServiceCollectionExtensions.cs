using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Payments.Client;
using Payments.Client.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Payments client on <see cref="IHttpClientFactory"/>.</summary>
public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPaymentsClient"/> configured in code. Options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; at least <see cref="PaymentsClientOptions.ApiKey"/>.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddPaymentsClient(this IServiceCollection services, Action<PaymentsClientOptions> configure) =>
        services.AddPaymentsClient(string.Empty, configure);

    /// <summary>
    /// Registers <see cref="IPaymentsClient"/> bound to a configuration section, by convention
    /// <c>configuration.GetSection("Payments")</c> (keys <c>ApiKey</c>, <c>BaseAddress</c>, <c>WireFormat</c>,
    /// <c>AttemptTimeout</c>, <c>OverallTimeout</c>, <c>Retry:MaxAttempts</c>, ...). Reloads apply to clients created afterwards.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configurationSection">The section holding the options.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddPaymentsClient(this IServiceCollection services, IConfiguration configurationSection) =>
        services.AddPaymentsClient(string.Empty, configurationSection);

    /// <summary>
    /// Registers a named client (one per merchant account or API key), created with
    /// <see cref="IPaymentsClientFactory.CreateClient(string)"/> or resolved as a keyed service
    /// (<c>[FromKeyedServices("eu")] IPaymentsClient</c>, <c>GetRequiredKeyedService&lt;IPaymentsClient&gt;("eu")</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddPaymentsClient(this IServiceCollection services, string name, Action<PaymentsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        IHttpClientBuilder builder = AddCore(services, name);
        services.Configure(name, configure);
        return builder;
    }

    /// <summary>Registers a named client bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configurationSection">The section holding the options.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddPaymentsClient(this IServiceCollection services, string name, IConfiguration configurationSection)
    {
        ArgumentNullException.ThrowIfNull(configurationSection);
        IHttpClientBuilder builder = AddCore(services, name);
        services.AddOptions<PaymentsClientOptions>(name).Bind(configurationSection);
        return builder;
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);

        PaymentsClientRegistry registry = GetOrAddRegistry(services);
        registry.Add(name);

        services.AddOptions<PaymentsClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentsClientOptions>, PaymentsClientOptionsValidator>());
        services.TryAddSingleton<IPaymentsClientFactory, PaymentsClientFactory>();
        if (name.Length == 0)
        {
            services.TryAddTransient<IPaymentsClient>(sp => sp.GetRequiredService<IPaymentsClientFactory>().CreateClient(string.Empty));
        }
        else
        {
            // [FromKeyedServices("eu")] IPaymentsClient: the same client IPaymentsClientFactory.CreateClient("eu") gives.
            services.TryAddKeyedTransient<IPaymentsClient>(name, (sp, _) => sp.GetRequiredService<IPaymentsClientFactory>().CreateClient(name));
        }

        ClientOwnedResilience.Apply(services, PaymentsClientRegistry.HttpClientName(name));

        // Our attempt and overall timeouts govern; HttpClient's 100 s default would cut across them.
        // The factory's per-request loggers are removed: the client logs each call and retry itself, with the
        // idempotency key and request id, at less cost. builder.AddDefaultLogger() brings them back.
        // Redirects are never followed, whatever primary handler is configured: PostConfigure runs after every
        // ConfigurePrimaryHttpMessageHandler, so this is the last word on the handler.
        string httpClientName = PaymentsClientRegistry.HttpClientName(name);
        services.PostConfigure<HttpClientFactoryOptions>(httpClientName, factory => factory.HttpMessageHandlerBuilderActions.Add(NoAutoRedirect.Apply));
        return services.AddHttpClient(httpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }

    private static PaymentsClientRegistry GetOrAddRegistry(IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(PaymentsClientRegistry) && descriptor.ImplementationInstance is PaymentsClientRegistry existing)
            {
                return existing;
            }
        }

        var registry = new PaymentsClientRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
