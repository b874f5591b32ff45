using Payments.Client.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the charge journal on PostgreSQL.</summary>
public static class PaymentsPostgreSqlHttpClientBuilderExtensions
{
    /// <summary>
    /// Journals every charge of this Payments client on PostgreSQL, shared by every instance of the app (see
    /// <c>ChargeJournal</c>): each unanswered intent is re-sent by one instance at a time, and each outcome handled by one.
    /// <code>services.AddPaymentsClient(o => ...).AddPostgreSqlChargeJournal(connectionString);</code>
    /// </summary>
    /// <param name="builder">The builder <c>AddPaymentsClient</c> returned.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">Changes the recovery settings.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddPostgreSqlChargeJournal(this IHttpClientBuilder builder, string connectionString, Action<Payments.Client.ChargeJournalOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.AddChargeJournal(_ => new PostgreSqlChargeJournalStore(connectionString), configure);
    }
}
