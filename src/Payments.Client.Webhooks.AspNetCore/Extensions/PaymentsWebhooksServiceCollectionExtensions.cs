using System.Buffers;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Payments webhook endpoint's services.</summary>
public static class PaymentsWebhooksServiceCollectionExtensions
{
    /// <summary>Registers the webhook services configured in code. Options are validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; at least one secret.</param>
    /// <returns>A builder to register handlers.</returns>
    public static IPaymentsWebhooksBuilder AddPaymentsWebhooks(this IServiceCollection services, Action<PaymentsWebhooksOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        IPaymentsWebhooksBuilder builder = AddCore(services);
        services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers the webhook services bound to a configuration section, by convention
    /// <c>configuration.GetSection("Payments:Webhooks")</c> (keys <c>Secrets:0</c>, <c>Secrets:1</c>,
    /// <c>MaxBodyBytes</c>, <c>DeduplicationWindow</c>). A reload that rotates a secret applies to the next request.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configurationSection">The section holding the options.</param>
    /// <returns>A builder to register handlers.</returns>
    public static IPaymentsWebhooksBuilder AddPaymentsWebhooks(this IServiceCollection services, IConfiguration configurationSection)
    {
        ArgumentNullException.ThrowIfNull(configurationSection);
        IPaymentsWebhooksBuilder builder = AddCore(services);
        services.AddOptions<PaymentsWebhooksOptions>().Bind(configurationSection);
        return builder;
    }

    private static PaymentsWebhooksBuilder AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PaymentsWebhooksOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentsWebhooksOptions>, PaymentsWebhooksOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookDeduplicationStore>(sp => new InMemoryWebhookDeduplicationStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ReceiverCache>();
        services.TryAddSingleton(new WebhookBodyReader(ArrayPool<byte>.Shared));
        services.TryAddSingleton(sp => new WebhookTelemetry(sp.GetService<IMeterFactory>(), sp.GetRequiredService<TimeProvider>()));

        // Idle unless an inbox store is registered (AddSqliteWebhookInbox / AddPostgreSqlWebhookInbox); then it runs the handlers.
        services.AddOptions<WebhookInboxOptions>();
        services.TryAddSingleton(sp => new WebhookInboxHostedService(sp));
        services.AddHostedService(sp => sp.GetRequiredService<WebhookInboxHostedService>());
        // Charge events settle the charge journal's pending charges, when the app registers a journal (issue 21).
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPaymentsWebhookHandler<ChargeEvent>, ChargeJournalFeed>());
        return new PaymentsWebhooksBuilder(services);
    }
}
