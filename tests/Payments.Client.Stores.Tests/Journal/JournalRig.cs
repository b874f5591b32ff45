namespace Payments.Client.Stores.Tests.Journal;

/// <summary>
/// A journaled client against the in-process fake API, both on one fake clock, over a real SQLite file. One attempt per
/// call and no client rate limit, so the clock moves only where a test moves it; pending charges settle when the test says.
/// </summary>
internal sealed class JournalRig : IAsyncDisposable
{
    private readonly TempSqliteFile _file;

    private JournalRig(TempSqliteFile file, FakePaymentsApi fake, TestClock clock, ChargeJournal journal, PaymentsClient client, Outcomes outcomes, LogCapture logs)
    {
        _file = file;
        Fake = fake;
        Clock = clock;
        Journal = journal;
        Client = client;
        Handled = outcomes;
        Logs = logs;
    }

    public FakePaymentsApi Fake { get; }

    public TestClock Clock { get; }

    public ChargeJournal Journal { get; }

    public PaymentsClient Client { get; }

    public Outcomes Handled { get; }

    public LogCapture Logs { get; }

    public string Path => _file.Path;

    public static async Task<JournalRig> StartAsync(IChargeJournalStore? store = null, HttpMessageHandler? handler = null, Func<ChargeJournalEntry, Task>? onOutcome = null)
    {
        var clock = new TestClock();
        FakePaymentsApi fake = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { TimeProvider = clock, PendingDelay = Timeout.InfiniteTimeSpan });
        var outcomes = new Outcomes(onOutcome);
        var logs = new LogCapture();
        var file = new TempSqliteFile();
        var journal = new ChargeJournal(store ?? new SqliteChargeJournalStore(file.Path), null, outcomes, clock, logs);
        PaymentsClient client = journal.CreateClient(
            new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }),
            TestClientOptions.For(fake.BaseAddress, fake.ApiKey, maxAttempts: 1, rateLimit: false, circuitBreaker: false));
        return new JournalRig(file, fake, clock, journal, client, outcomes, logs);
    }

    public static ChargeRequest Order(string paymentMethod, string? reference = null, string? key = null) => new()
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = TestCustomers.Default,
        PaymentMethodId = paymentMethod,
        IdempotencyKey = key,
        Metadata = reference is null ? null : new Dictionary<string, string> { [ChargeJournal.MerchantReferenceKey] = reference },
    };

    public async Task<ChargeJournalEntry> EntryAsync(string id) => Assert.Single(await Journal.FindAsync(id));

    public int ChargeRequests => Fake.Requests.Count(r => r.Method == "POST");

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        _file.Dispose();
        Logs.Dispose();
    }

    /// <summary>The outcome handler: every call, in order.</summary>
    internal sealed class Outcomes(Func<ChargeJournalEntry, Task>? onOutcome) : IChargeOutcomeHandler
    {
        private readonly ConcurrentQueue<ChargeJournalEntry> _calls = new();

        public IReadOnlyList<ChargeJournalEntry> Calls => _calls.ToArray();

        public async Task HandleAsync(ChargeJournalEntry charge, CancellationToken cancellationToken)
        {
            _calls.Enqueue(charge);
            if (onOutcome is not null)
            {
                await onOutcome(charge);
            }
        }
    }
}
