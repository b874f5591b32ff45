using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Journal;

/// <summary>The registered <see cref="IChargeOutcomeHandler"/>s, resolved in a scope of their own for each outcome (a DbContext per outcome, as per request).</summary>
internal sealed class ScopedOutcomeHandlers(IServiceScopeFactory scopes) : IChargeOutcomeHandler
{
    public async Task HandleAsync(ChargeJournalEntry charge, CancellationToken cancellationToken)
    {
        AsyncServiceScope scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            foreach (IChargeOutcomeHandler handler in scope.ServiceProvider.GetServices<IChargeOutcomeHandler>())
            {
                await handler.HandleAsync(charge, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
