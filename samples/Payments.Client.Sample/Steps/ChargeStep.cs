namespace Payments.Client.Sample.Steps;

/// <summary>Charges 25.00: amounts travel in minor units, so <see cref="Money"/> converts.</summary>
public sealed class ChargeStep(IPaymentsClient client, SampleSettings settings) : ISampleStep
{
    /// <inheritdoc/>
    public string Title => "Charge";

    /// <inheritdoc/>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        ChargeResult result = await client.ChargeAsync(
            new ChargeRequest
            {
                Amount = Money.ToMinorUnits(25.00m, settings.Currency),
                Currency = settings.Currency,
                CustomerId = settings.CustomerId,
                PaymentMethodId = settings.PaymentMethodId,
                Description = "Sample: Pro plan, monthly",
                Metadata = new Dictionary<string, string> { ["order_id"] = "sample-order-1" },
            },
            cancellationToken);

        return $"{Money.FromMinorUnits(result.Charge.Amount ?? 0, settings.Currency):0.00} {settings.Currency.ToUpperInvariant()} " +
               $"charged to {settings.CustomerId}: {result.Charge.Status} ({result.Charge.Id}, {Attempts(result.Attempts)}).";
    }

    internal static string Attempts(int count) => count == 1 ? "1 attempt" : $"{count} attempts";
}
