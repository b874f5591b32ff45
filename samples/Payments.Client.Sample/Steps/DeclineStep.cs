namespace Payments.Client.Sample.Steps;

/// <summary>A declined card is a <see cref="CardDeclinedException"/> whose <see cref="CardDeclinedException.FailureReason"/> says why.</summary>
public sealed class DeclineStep(IPaymentsClient client, SampleSettings settings) : ISampleStep
{
    /// <inheritdoc/>
    public string Title => "Decline";

    /// <inheritdoc/>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            ChargeResult unexpected = await client.ChargeAsync(
                new ChargeRequest { Amount = 2500, Currency = settings.Currency, CustomerId = settings.CustomerId, PaymentMethodId = settings.DecliningPaymentMethodId },
                cancellationToken);
            return $"FAILED: expected a decline, got {unexpected.Charge.Status}.";
        }
        catch (CardDeclinedException declined) when (declined.FailureReason == FailureReason.InsufficientFunds)
        {
            return $"card_declined handled as {nameof(CardDeclinedException)}, failure reason {declined.FailureReason}: ask the customer for another card.";
        }
        catch (CardDeclinedException declined)
        {
            return $"card_declined handled as {nameof(CardDeclinedException)}, failure reason {declined.FailureReason?.ToString() ?? "(none)"}.";
        }
    }
}
