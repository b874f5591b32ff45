namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Feeds charge events to every charge journal registered in the app (<c>AddSqliteChargeJournal</c>,
/// <c>AddPostgreSqlChargeJournal</c>), through the ordinary handler extension point: a pending charge a journal knows
/// settles on its webhook rather than its next poll. Does nothing when no journal is registered. A journal that cannot
/// be reached throws, so the endpoint answers 500 and the sender delivers the event again (the poll settles it anyway).
/// </summary>
internal sealed class ChargeJournalFeed(IEnumerable<ChargeJournal> journals) : IPaymentsWebhookHandler<ChargeEvent>
{
    public async Task HandleAsync(ChargeEvent paymentsEvent, CancellationToken cancellationToken)
    {
        foreach (ChargeJournal journal in journals)
        {
            await journal.SettleFromWebhookAsync(paymentsEvent.Charge, cancellationToken).ConfigureAwait(false);
        }
    }
}
