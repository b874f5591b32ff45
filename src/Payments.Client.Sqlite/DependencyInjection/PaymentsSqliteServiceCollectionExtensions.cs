using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Payments.Client.Sqlite;
using Payments.Client.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Payments.Client's durable features on SQLite.</summary>
public static class PaymentsSqliteServiceCollectionExtensions
{
    /// <summary>
    /// Puts the webhook endpoint in inbox mode on one SQLite file: each verified delivery is stored durably under its event
    /// id and answered 200 at once, and a background processor runs the handlers with retries and dead letters. The
    /// inbox's table is created on first use unless <see cref="WebhookInboxOptions.CreateSchema"/> is false.
    /// </summary>
    /// <param name="services">The service collection (after <c>AddPaymentsWebhooks</c>).</param>
    /// <param name="path">The database file, for example <c>inbox.db</c>; created when missing. Its folder must exist.</param>
    /// <param name="configure">Retries, limits, lease, retention; the defaults when null.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSqliteWebhookInbox(this IServiceCollection services, string path, Action<WebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        OptionsBuilder<WebhookInboxOptions> options = services.AddOptions<WebhookInboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.RemoveAll<IWebhookInboxStore>();
        services.AddSingleton<IWebhookInboxStore>(sp =>
            new SqliteWebhookInboxStore(path, sp.GetRequiredService<IOptions<WebhookInboxOptions>>().Value.CreateSchema));
        return services;
    }
}
