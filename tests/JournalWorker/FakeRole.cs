using Payments.Client.Testing;

namespace JournalWorker;

/// <summary>
/// The fake API in its own process, so killing the merchant never loses what the API did. Seeded random faults,
/// "charged, then the answer was lost" among them; pending charges settle after 300 ms; a share of webhooks is dropped
/// (answered for the fake without being sent). Prints <c>listening BASE KEY</c>; on <c>dump</c> prints every charge
/// (<c>charge KEY ID STATUS REFERENCE</c>) and <c>end</c>; exits when its input closes.
/// </summary>
internal static class FakeRole
{
    public static async Task<int> RunAsync(string[] args)
    {
        int seed = int.Parse(args[0], CultureInfo.InvariantCulture);
        double dropShare = double.Parse(args[3], CultureInfo.InvariantCulture);
        await using FakePaymentsApi fake = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions
        {
            PendingDelay = TimeSpan.FromMilliseconds(300),
            RateLimit = { Enabled = false },
            Webhooks = { InitialRetryDelay = TimeSpan.FromMilliseconds(200) },
        });
        fake.Faults.UseRandom(new RandomFaultOptions
        {
            Seed = seed,
            ServerErrorRate = 0.04,
            DropRate = 0.03,
            ChargeThenFailRate = 0.04,
            ChargeThenDropRate = 0.06,
        });
        if (args[1] != "none")
        {
            fake.Webhooks.Register(new Uri(args[1]), args[2], new DroppingHandler(new Random(seed), dropShare));
        }

        Console.WriteLine($"listening {fake.BaseAddress} {fake.ApiKey}");
        while (Console.ReadLine() is { } command)
        {
            if (command == "dump")
            {
                foreach (FakeCharge charge in fake.Charges)
                {
                    charge.Metadata.TryGetValue("merchant_reference", out string? reference);
                    Console.WriteLine($"charge {charge.IdempotencyKey} {charge.Id} {charge.Status} {reference}");
                }

                Console.WriteLine("end");
            }
        }

        return 0;
    }

    /// <summary>Drops a seeded share of webhook deliveries: the fake thinks them delivered, the merchant never sees them.</summary>
    private sealed class DroppingHandler(Random random, double share) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            bool drop;
            lock (random)
            {
                drop = random.NextDouble() < share;
            }

            return drop ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)) : base.SendAsync(request, cancellationToken);
        }
    }
}
