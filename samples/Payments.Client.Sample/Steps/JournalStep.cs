using Payments.Client.Sample.Journal;

namespace Payments.Client.Sample.Steps;

/// <summary>
/// The charge journal on SQLite: the intent is committed before the charge is sent, and a <c>pending</c> charge is
/// settled by the journal's poller (no webhook reaches this client), which then runs the outcome handler once.
/// </summary>
public sealed class JournalStep(IPaymentsClient journaledClient, SampleOutcomes outcomes, SampleSettings settings) : ISampleStep
{
    private const string Order = "sample-order-5";
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public string Title => "Charge journal";

    /// <inheritdoc/>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        ChargeResult accepted = await journaledClient.ChargeAsync(
            new ChargeRequest
            {
                Amount = 1500,
                Currency = settings.Currency,
                CustomerId = settings.CustomerId,
                PaymentMethodId = settings.PendingPaymentMethodId,
                Metadata = new Dictionary<string, string> { [ChargeJournal.MerchantReferenceKey] = Order },
            },
            cancellationToken);

        ChargeJournalEntry final = await outcomes.WaitAsync(Order).WaitAsync(GiveUpAfter, cancellationToken);
        return $"{accepted.Charge.Id} for {Order} journaled before sending, answered {accepted.Charge.Status}; " +
            $"settled by {final.SettledBy} ({final.Polls} poll(s), no webhook): {final.State}; outcome handler ran once.";
    }
}
