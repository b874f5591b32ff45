using Payments.Client;

namespace JournalWorker;

/// <summary>
/// A merchant's worker: an ASP.NET Core app with the webhook endpoint and the charge journal (one registration line),
/// charging its share of the orders (order i belongs to instance i % instances) that the journal does not know yet,
/// with SDK-generated keys, eight at a time. The outcome handler appends <c>KEY REFERENCE STATE INSTANCE</c> to its instance's file (flushed)
/// before the journal records it handled. Prints <c>ready</c> once listening and <c>charged</c> when its orders are
/// sent; then only recovers, until its input closes. The proofs SIGKILL it at random moments.
/// </summary>
internal static class MerchantRole
{
    public static async Task<int> RunAsync(string[] args)
    {
        (string kind, string store, Uri baseAddress, string apiKey) = (args[0], args[1], new Uri(args[2]), args[3]);
        int port = int.Parse(args[4], CultureInfo.InvariantCulture);
        string secret = args[5];
        int orders = int.Parse(args[6], CultureInfo.InvariantCulture);
        int instance = int.Parse(args[7], CultureInfo.InvariantCulture);
        int instances = int.Parse(args[8], CultureInfo.InvariantCulture);
        string outcomesFile = $"{args[9]}.{instance}";

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(new OutcomeFile(outcomesFile, instance));
        builder.Services.AddChargeOutcomeHandler<OutcomeFile.Handler>();
        builder.Services.AddPaymentsWebhooks(o => o.Secrets.Add(secret));
        IHttpClientBuilder client = builder.Services.AddPaymentsClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.ApiKey = apiKey;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.OverallTimeout = TimeSpan.FromSeconds(1);
            o.Retry.MaxAttempts = 2;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
            o.RateLimit.Enabled = false;
            o.CircuitBreaker.Enabled = false;
        });
        Action<ChargeJournalOptions> fast = o =>
        {
            o.RecoveryInterval = TimeSpan.FromMilliseconds(100);
            o.Lease = TimeSpan.FromSeconds(1.5); // longer than the client's 1 s overall timeout
            o.FirstResendDelay = TimeSpan.FromMilliseconds(200);
            o.MaxResendDelay = TimeSpan.FromSeconds(1);
            o.FirstPollDelay = TimeSpan.FromMilliseconds(300);
            o.MaxPollDelay = TimeSpan.FromSeconds(1);
            o.OutcomeRetryDelay = TimeSpan.FromMilliseconds(200);
        };
        _ = kind == "sqlite" ? client.AddSqliteChargeJournal(store, fast) : client.AddPostgreSqlChargeJournal(store, fast);

        await using WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks");
        await app.StartAsync();
        Console.WriteLine("ready");

        var payments = app.Services.GetRequiredService<IPaymentsClient>();
        var journal = app.Services.GetRequiredService<ChargeJournal>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, orders).Where(i => i % instances == instance),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (order, ct) =>
            {
                // A charge the journal knows is the journal's to finish: charging it again with a new key could charge twice.
                if ((await journal.FindAsync(Orders.Reference(order), ct)).Count > 0)
                {
                    return;
                }

                try
                {
                    await payments.ChargeAsync(Orders.Request(order), ct);
                }
                catch (PaymentsException)
                {
                    // Declines, rejections and unknown outcomes alike: the journal has recorded what is known.
                }
            });
        Console.WriteLine("charged");

        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }

    /// <summary>Where the outcome handler writes; one line per run, flushed to the file before the run returns.</summary>
    private sealed class OutcomeFile(string path, int instance)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task AppendAsync(ChargeJournalEntry charge)
        {
            await _gate.WaitAsync();
            try
            {
                await using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                await using var writer = new StreamWriter(stream);
                await writer.WriteLineAsync($"{charge.IdempotencyKey} {charge.MerchantReference} {charge.State} {instance}");
            }
            finally
            {
                _gate.Release();
            }
        }

        public sealed class Handler(OutcomeFile file) : IChargeOutcomeHandler
        {
            public Task HandleAsync(ChargeJournalEntry charge, CancellationToken cancellationToken) => file.AppendAsync(charge);
        }
    }
}
