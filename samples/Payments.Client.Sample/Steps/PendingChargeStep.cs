using Payments.Client.Sample.Webhooks;
using Payments.Client.Webhooks;

namespace Payments.Client.Sample.Steps;

/// <summary>
/// A <c>pending</c> charge was accepted, not completed: its outcome arrives later, by a signed webhook,
/// and is reconciled with <c>GET payments/charges/{id}</c> (<see cref="PaymentsClientExtensions.WaitForCompletionAsync"/>),
/// as the contract asks when money depends on it.
/// </summary>
public sealed class PendingChargeStep(IPaymentsClient client, SampleSettings settings, SettledCharges? webhooks) : ISampleStep
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public string Title => "Pending charge";

    /// <inheritdoc/>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        ChargeResult accepted = await client.ChargeAsync(
            new ChargeRequest { Amount = 4200, Currency = settings.Currency, CustomerId = settings.CustomerId, PaymentMethodId = settings.PendingPaymentMethodId },
            cancellationToken);
        if (accepted.Charge.Status.IsTerminal)
        {
            return $"{accepted.Charge.Id} settled at once: {accepted.Charge.Status}.";
        }

        string byWebhook = "by webhook: no receiver (a real API posts to the URL you register with it)";
        if (webhooks is not null)
        {
            ChargeEvent evt = await webhooks.WaitAsync(accepted.Charge.Id).WaitAsync(GiveUpAfter, cancellationToken);
            byWebhook = $"by webhook: verified {evt.Type} ({evt.Id})";
        }

        Charge settled = await client.WaitForCompletionAsync(accepted.Charge.Id, GiveUpAfter, cancellationToken);
        return $"{accepted.Charge.Id} accepted as pending; {byWebhook}; by GET payments/charges/{{id}}: {settled.Status}.";
    }
}
