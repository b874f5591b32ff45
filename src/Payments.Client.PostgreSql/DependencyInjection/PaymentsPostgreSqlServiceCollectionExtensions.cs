using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Payments.Client.PostgreSql;
using Payments.Client.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Payments.Client's durable features on PostgreSQL.</summary>
public static class PaymentsPostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Puts the webhook endpoint in inbox mode on PostgreSQL, shared by every instance of the app: each verified delivery is stored durably under its event
    /// id and answered 200 at once, and a background processor runs the handlers with retries and dead letters. The
    /// inbox's table is created on first use unless <see cref="WebhookInboxOptions.CreateSchema"/> is false.
    /// </summary>
    /// <param name="services">The service collection (after <c>AddPaymentsWebhooks</c>).</param>
    /// <param name="connectionString">An Npgsql connection string (never logged). The database must exist; the table is created in it.</param>
    /// <param name="configure">Retries, limits, lease, retention; the defaults when null.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddPostgreSqlWebhookInbox(this IServiceCollection services, string connectionString, Action<WebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        OptionsBuilder<WebhookInboxOptions> options = services.AddOptions<WebhookInboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.RemoveAll<IWebhookInboxStore>();
        services.AddSingleton<IWebhookInboxStore>(sp =>
            new PostgreSqlWebhookInboxStore(connectionString, sp.GetRequiredService<IOptions<WebhookInboxOptions>>().Value.CreateSchema));
        return services;
    }
}
