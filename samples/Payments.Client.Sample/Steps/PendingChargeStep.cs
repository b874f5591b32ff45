namespace Payments.Client.Sample.Steps;

/// <summary>
/// A <c>pending</c> charge was accepted, not completed: its outcome arrives later. This step reads it
/// back with <c>GET payments/charges/{id}</c> until it settles, the reconciliation the contract asks for.
/// </summary>
public sealed class PendingChargeStep(IPaymentsClient client, SampleSettings settings) : ISampleStep
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
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

        // TODO(webhooks): wait for the charge.succeeded / charge.failed event here, once the
        // Payments.Client.Webhooks package lands: start a local receiver, register it with
        // fake.Webhooks.Register(url, secret), verify X-Signature-256 and complete when the event for
        // accepted.Charge.Id arrives. Until then (and always, for money movement) GET reconciles.
        string? byWebhook = await WaitByWebhookAsync(accepted.Charge.Id, cancellationToken);

        (Charge settled, int polls) = await PollUntilSettledAsync(accepted.Charge.Id, cancellationToken);
        return $"{accepted.Charge.Id} accepted as pending; {byWebhook ?? "by webhook: not wired yet"}; " +
               $"by GET payments/charges/{{id}} after {polls} poll(s): {settled.Status}.";
    }

    /// <summary>The webhook hook (see the TODO above): null until the webhooks package is wired in.</summary>
    private static Task<string?> WaitByWebhookAsync(string chargeId, CancellationToken cancellationToken)
    {
        _ = chargeId;
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<string?>(null);
    }

    private async Task<(Charge Charge, int Polls)> PollUntilSettledAsync(string chargeId, CancellationToken cancellationToken)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        giveUp.CancelAfter(GiveUpAfter);
        for (int polls = 1; ; polls++)
        {
            Charge charge = await client.GetChargeAsync(chargeId, giveUp.Token);
            if (charge.Status.IsTerminal)
            {
                return (charge, polls);
            }

            await Task.Delay(PollInterval, giveUp.Token);
        }
    }
}
