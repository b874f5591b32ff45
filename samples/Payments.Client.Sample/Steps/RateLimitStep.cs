using Payments.Client.Testing;

namespace Payments.Client.Sample.Steps;

/// <summary>A 429 with <c>Retry-After</c> is waited out and retried by the client, with the same idempotency key.</summary>
public sealed class RateLimitStep(IPaymentsClient client, SampleSettings settings, FakePaymentsApi? fake) : ISampleStep
{
    /// <inheritdoc/>
    public string Title => "Rate limit";

    /// <inheritdoc/>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        if (fake is null)
        {
            return "skipped: a 429 can only be injected into the fake API.";
        }

        fake.Faults.RateLimitNext(TimeSpan.FromSeconds(1));
        ChargeResult result = await client.ChargeAsync(
            new ChargeRequest { Amount = 1500, Currency = settings.Currency, CustomerId = settings.CustomerId, PaymentMethodId = settings.PaymentMethodId },
            cancellationToken);

        return $"the API answered 429 with Retry-After: 1; the client waited and retried with the same idempotency key: " +
               $"{result.Charge.Status} after {ChargeStep.Attempts(result.Attempts)}.";
    }
}
