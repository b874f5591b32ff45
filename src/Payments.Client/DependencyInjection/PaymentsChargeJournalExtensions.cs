using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payments.Client;
using Payments.Client.DependencyInjection;
using Payments.Client.Journal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a charge journal for a Payments client. The store packages add one-line forms: <c>AddSqliteChargeJournal</c>, <c>AddPostgreSqlChargeJournal</c>.</summary>
public static class PaymentsChargeJournalExtensions
{
    /// <summary>
    /// Journals every charge of the client <paramref name="builder"/> registers (see <see cref="ChargeJournal"/>), runs a
    /// recovery pass at start and every <see cref="ChargeJournalOptions.RecoveryInterval"/> in a hosted service, and
    /// calls the <see cref="IChargeOutcomeHandler"/>s registered with <see cref="AddChargeOutcomeHandler{THandler}"/>.
    /// When the webhook endpoint is registered in the same app, its charge events settle pending charges too.
    /// </summary>
    /// <param name="builder">The builder <c>AddPaymentsClient</c> returned.</param>
    /// <param name="store">Creates the store (once).</param>
    /// <param name="configure">Changes the recovery settings.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> is not a Payments client's.</exception>
    public static IHttpClientBuilder AddChargeJournal(this IHttpClientBuilder builder, Func<IServiceProvider, IChargeJournalStore> store, Action<ChargeJournalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        if (!PaymentsClientRegistry.TryGetClientName(builder.Name, out string? name))
        {
            throw new InvalidOperationException($"AddChargeJournal applies to the builder AddPaymentsClient returns, not to the HTTP client '{builder.Name}'.");
        }

        var options = new ChargeJournalOptions();
        configure?.Invoke(options);
        options.ThrowIfInvalid();

        builder.Services.AddKeyedSingleton(name, (sp, _) => new ChargeJournal(
            store(sp),
            options,
            sp.GetService<IServiceProviderIsService>()?.IsService(typeof(IChargeOutcomeHandler)) == true ? new ScopedOutcomeHandlers(sp.GetRequiredService<IServiceScopeFactory>()) : null,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>()));

        // Every journal, unkeyed, for the webhook feed (a charge event settles whichever journal knows the charge).
        builder.Services.AddSingleton(sp => sp.GetRequiredKeyedService<ChargeJournal>(name));
        builder.Services.AddSingleton<IHostedService>(sp => new ChargeJournalService(
            sp.GetRequiredKeyedService<ChargeJournal>(name),
            () => (PaymentsClient)sp.GetRequiredService<IPaymentsClientFactory>().CreateClient(name),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>()?.CreateLogger("Payments.Client.Journal") ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        return builder;
    }

    /// <summary>Registers a (scoped) handler for charges' final states; every registered handler runs, in registration order.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddChargeOutcomeHandler<
#if NET
        [System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        THandler>(this IServiceCollection services)
        where THandler : class, IChargeOutcomeHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddScoped<IChargeOutcomeHandler, THandler>();
    }
}
