using Payments.Client.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the charge journal in a SQLite file.</summary>
public static class PaymentsSqliteHttpClientBuilderExtensions
{
    /// <summary>
    /// Journals every charge of this Payments client in a SQLite file (see <c>ChargeJournal</c>): the intent is committed
    /// before anything is sent, unanswered intents are re-sent with the same key and body, pending charges settle by
    /// webhook or poll, and each final state runs the <c>IChargeOutcomeHandler</c>s once.
    /// <code>services.AddPaymentsClient(o => ...).AddSqliteChargeJournal("payments.db");</code>
    /// </summary>
    /// <param name="builder">The builder <c>AddPaymentsClient</c> returned.</param>
    /// <param name="path">The database file (its folder must exist); the webhook inbox may share it.</param>
    /// <param name="configure">Changes the recovery settings.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddSqliteChargeJournal(this IHttpClientBuilder builder, string path, Action<Payments.Client.ChargeJournalOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.AddChargeJournal(_ => new SqliteChargeJournalStore(path), configure);
    }
}
