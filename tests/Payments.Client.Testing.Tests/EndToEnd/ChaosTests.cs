namespace Payments.Client.Testing.Tests.EndToEnd;

/// <summary>Many charges through random faults: every attempt of a call carries its one key, and no key charges twice.</summary>
public sealed class ChaosTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_faults_never_double_charge(int seed)
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { RateLimit = { Enabled = false } });
        api.Faults.UseRandom(new RandomFaultOptions
        {
            Seed = seed,
            ServerErrorRate = 0.15,
            RateLimitRate = 0.05,
            DropRate = 0.1,
            ChargeThenFailRate = 0.1,
            ChargeThenDropRate = 0.1,
        });
        // 45% of attempts fail here by design; the circuit breaker would rightly open, which is not what this test is about.
        PaymentsClient client = Clients.For(api, maxAttempts: 10, circuitBreaker: false);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            try
            {
                ChargeResult result = await client.ChargeAsync(ClientChargeTests.Request() with { Amount = 1000 + i });
                return (Key: result.IdempotencyKey, ChargeId: (string?)result.Charge.Id);
            }
            catch (PaymentsException ex)
            {
                return (Key: ex.IdempotencyKey!, ChargeId: (string?)null);
            }
        }));

        IReadOnlyList<FakeCharge> charges = api.Charges;
        Assert.All(charges.GroupBy(c => c.IdempotencyKey), g => Assert.Single(g));
        foreach (var (key, chargeId) in outcomes.Where(o => o.ChargeId is not null))
        {
            Assert.Equal(chargeId, Assert.Single(charges, c => c.IdempotencyKey == key).Id);
        }

        // Every attempt carried its call's key in the header and the same key in the body.
        Assert.All(api.Requests, r => Assert.Contains($"\"idempotency_key\":\"{r.IdempotencyKey}\"", r.Body, StringComparison.Ordinal));
        Assert.Equal(outcomes.Select(o => o.Key).Order(), api.Requests.Select(r => r.IdempotencyKey!).Distinct().Order());
        Assert.True(outcomes.Count(o => o.ChargeId is not null) >= 25, "almost every call should get through 10 attempts");
    }
}
