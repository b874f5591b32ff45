using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Payments.Client.Journal;

/// <summary>Runs <see cref="ChargeJournal.RunOnceAsync"/> as soon as the host starts, then every <see cref="ChargeJournalOptions.RecoveryInterval"/>.</summary>
internal sealed class ChargeJournalService(ChargeJournal journal, Func<PaymentsClient> client, TimeProvider time, ILogger logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A fresh client per pass: IHttpClientFactory rotates its handlers.
                await journal.RunOnceAsync(client(), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                JournalLog.PassFailed(logger, journal.Store.Description, ex);
            }

            try
            {
                await Task.Delay(journal.Options.RecoveryInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
