namespace Payments.Client.ChaosTests.Chaos;

/// <summary>
/// Runs <see cref="ChaosSettings.Count"/> logical charges, <see cref="ChaosSettings.Concurrency"/> at a time,
/// through one real <see cref="PaymentsClient"/> against the fake API on loopback with seeded random faults.
/// Real time and real sockets: drops and slow responses are only real over a real connection.
/// </summary>
public static class ChaosDriver
{
    public static async Task<ChaosRun> RunAsync(ChaosSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Concurrency);

        // The fake's own rate limit (25 req/s in test mode) would turn the run into a 429 storm of its own
        // making; the 429s we want are the injected ones, whose Retry-After we control and check.
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(
            new FakePaymentsApiOptions { RateLimit = { Enabled = false }, PendingDelay = Timeout.InfiniteTimeSpan }, cancellationToken);
        api.Faults.UseRandom(settings.Faults());
        PaymentsClientOptions options = settings.ClientOptions(api);
        using var wire = new ResponsesRead();
        using var http = new HttpClient(wire) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PaymentsClient(http, options);

        var outcomes = new CallOutcome[settings.Count];
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) => outcomes[i] = await ChargeOnceAsync(client, i, ct));
        wall.Stop();

        // Let responses still held by slow faults finish, so the records are final (the client gave up on them already).
        await api.WaitForRequestsAsync(r => r.All(x => x.StatusCode is not null), cancellationToken).WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        return new ChaosRun(settings, options, outcomes, api.Requests, api.Charges, wall.Elapsed) { ResponsesRead = wire.Attempts };
    }

    private static async Task<CallOutcome> ChargeOnceAsync(PaymentsClient client, int index, CancellationToken cancellationToken)
    {
        // One call in ten uses a declining card: a 402 is a charge too (a failed one) and must not repeat either.
        var request = new ChargeRequest
        {
            Amount = 1000 + index,
            Currency = "usd",
            CustomerId = TestCustomers.Default,
            PaymentMethodId = index % 10 == 9 ? TestPaymentMethods.Declined : TestPaymentMethods.Succeeds,
        };
        long started = Stopwatch.GetTimestamp();
        try
        {
            ChargeResult result = await client.ChargeAsync(request, cancellationToken);
            return new CallOutcome(index, result.IdempotencyKey, result.Charge.Id, null, Stopwatch.GetElapsedTime(started), result.Attempts);
        }
        catch (PaymentsException ex)
        {
            return new CallOutcome(index, ex.IdempotencyKey, null, ex, Stopwatch.GetElapsedTime(started), ex.Attempts);
        }
#pragma warning disable CA1031 // Anything else is exactly what the checks must report, not crash on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new CallOutcome(index, null, null, ex, Stopwatch.GetElapsedTime(started), 0);
        }
    }
}
