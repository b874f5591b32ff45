namespace Payments.Client.Stores.Tests.Proofs;

/// <summary>Runs the proofs alone: two of them spawn processes and count real-time events, other tests would only add noise.</summary>
[CollectionDefinition(nameof(InboxProofs), DisableParallelization = true)]
public sealed class InboxProofsCollection;

/// <summary>
/// The inbox's guarantees (issue 20), proven on real Kestrel, real SQLite files and real PostgreSQL servers, with handler
/// runs counted outside the processes that run them. Time that the code under test waits is the fake clock's; real time
/// only where real processes are killed and restarted, each wait bounded.
/// </summary>
[Collection(nameof(InboxProofs))]
public sealed class InboxProofs(ITestOutputHelper output)
{
    /// <summary>A receiver process starting (runtime, Kestrel, first connection) on a loaded 2-core machine.</summary>
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The lease of the scale-out proof: three receivers, PostgreSQL and the sender share two cores, and a lease shorter than
    /// a renewal can be late under that load would let a live instance's event be taken over (at least once, not a loss,
    /// but not what this proof counts). The killed receiver's events are taken over this long after its last renewal.
    /// </summary>
    private const int LoadedLeaseMs = 3000;

    [Fact]
    public async Task Proof1_a_30_second_handler_never_makes_the_sender_time_out_or_retry_and_completes_once()
    {
        var clock = new TestClock();
        using var file = new TempSqliteFile();
        var completed = new InboxEndpointRuns();
        await using WebhookTestHost receiver = await StartReceiverAsync(clock, s => s.AddSqliteWebhookInbox(file.Path), completed, async (e, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), clock, ct); // the slow fulfilment call, on the fake clock
            completed.Add(e.Id);
        });
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(); // the contract's sender: 10 s timeout, 5 retries
        api.Webhooks.Register(receiver.Endpoint, Events.Secret);

        await ChargeAsync(api, count: 5);
        await api.Webhooks.WaitUntilAsync(d => d.Count == 5 && d.All(x => x.State != WebhookDeliveryState.InProgress), Eventually.Deadline());
        IReadOnlyList<WebhookDelivery> deliveries = api.Webhooks.Deliveries;

        // Each answered 200 at the first attempt (within the 10 s timeout): no redelivery at all.
        Assert.All(deliveries, d => Assert.Equal([200], d.Attempts.Select(a => a.StatusCode ?? 0)));
        Assert.Equal(0, completed.Total);

        // The handlers are 30 fake seconds long; once the clock has moved that far, each completed exactly once.
        await ObservedInboxStore.AdvanceUntilAsync(clock, Parked(receiver, clock), () => completed.Total >= 5, TimeSpan.FromSeconds(1), "five 30-second handlers");
        Assert.All(deliveries, d => Assert.Equal(1, completed.Of(d.EventId)));
        IReadOnlyList<WebhookInboxEntry> stored = await receiver.Services.GetRequiredService<IWebhookInboxStore>().ListAsync(state: null, limit: 10, CancellationToken.None);
        Assert.Equal([1, 1, 1, 1, 1], stored.Select(e => e.Attempts)); // claimed once each: no lease ran out under a running handler
        output.WriteLine($"proof 1: 5 deliveries, attempts {deliveries.Sum(d => d.Attempts.Count)}, handler completions {completed.Total}, fake time {clock.GetUtcNow() - clock.Start:g}");
    }

    [Fact]
    public async Task Proof2_handlers_failing_for_two_minutes_all_complete_after_recovery_without_a_dead_letter_or_a_retried_delivery()
    {
        var clock = new TestClock();
        DateTimeOffset outageEnds = clock.GetUtcNow() + TimeSpan.FromMinutes(2);
        using var file = new TempSqliteFile();
        var completed = new InboxEndpointRuns();
        int failures = 0;
        await using WebhookTestHost receiver = await StartReceiverAsync(clock, s => s.AddSqliteWebhookInbox(file.Path), completed, (e, _) =>
        {
            if (clock.GetUtcNow() < outageEnds)
            {
                Interlocked.Increment(ref failures);
                throw new InvalidOperationException("the order database is down");
            }

            completed.Add(e.Id);
            return Task.CompletedTask;
        });
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        api.Webhooks.Register(receiver.Endpoint, Events.Secret);

        await ChargeAsync(api, count: 10);
        await api.Webhooks.WaitUntilAsync(d => d.Count == 10 && d.All(x => x.State != WebhookDeliveryState.InProgress), Eventually.Deadline());
        await ObservedInboxStore.AdvanceUntilAsync(clock, Parked(receiver, clock), () => completed.Total >= 10, TimeSpan.FromSeconds(1), "every event to complete after the outage", TimeSpan.FromSeconds(40));

        IWebhookInboxStore inbox = receiver.Services.GetRequiredService<IWebhookInboxStore>();
        WebhookInboxStats stats = await inbox.GetStatsAsync(CancellationToken.None);
        Assert.Equal(0, stats.DeadLetters);
        Assert.All(api.Webhooks.Deliveries, d => Assert.Single(d.Attempts));
        Assert.All(api.Webhooks.Deliveries, d => Assert.Equal(1, completed.Of(d.EventId)));
        output.WriteLine($"proof 2: 10 events, failed attempts during the outage {failures}, completed after it {completed.Total} by {clock.GetUtcNow() - clock.Start:g} of fake time, dead letters {stats.DeadLetters}, deliveries retried by the sender 0");
    }

    [Fact]
    public async Task Proof3_a_receiver_killed_with_SIGKILL_while_handlers_run_completes_every_stored_event_after_restart()
    {
        using var file = new TempSqliteFile("inbox.db");
        string runsFile = file.Path + ".runs";
        const int Events_ = 24;
        ChildProcess receiver = StartReceiverProcess("sqlite", file.Path, runsFile, handlerMs: 100, leaseMs: 1000, holdAfter: 6);
        try
        {
            Uri endpoint = new(await receiver.WaitForLineAsync("ready", Startup));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string[] ids = Enumerable.Range(0, Events_).Select(i => $"evt_p3_{i:D2}").ToArray();
            foreach (string id in ids)
            {
                Assert.Equal(200, (await Events.PostAsync(http, endpoint, Events.Body(id, DateTimeOffset.UtcNow))).Status); // stored, acknowledged
            }

            // Kill while handlers run: some runs have ended, some have started and not ended (after 6 ended, the receiver's
            // runs hold until the kill, so this state lasts until the test sees it).
            await Eventually.WaitUntilAsync(() => HandlerRuns.Read(runsFile).Completed().Count >= 6 && HandlerRuns.Read(runsFile).Cut().Count > 0, "handlers to be running");
            int killedPid = receiver.Id;
            await receiver.KillAsync(TimeSpan.FromSeconds(10));
            long killedAt = DateTime.UtcNow.Ticks;
            List<string> cut = HandlerRuns.Read(runsFile).Cut().Select(r => r.EventId).ToList();
            await receiver.DisposeAsync();

            receiver = StartReceiverProcess("sqlite", file.Path, runsFile, handlerMs: 100, leaseMs: 1000);
            await receiver.WaitForLineAsync("ready", Startup);
            await Eventually.WaitUntilAsync(() => HandlerRuns.Read(runsFile).Completed().Count == Events_, "every stored event to complete after the restart");

            HandlerRuns runs = HandlerRuns.Read(runsFile);
            List<string> again = runs.RunMoreThanOnce();
            HashSet<string> takenOver = await TakenOverFromAsync(new SqliteWebhookInboxStore(file.Path), killedPid);
            output.WriteLine($"proof 3: {Events_} events stored and acknowledged; SIGKILL with {cut.Count} handlers mid-run and {takenOver.Count} events held (claimed, running or finished but not yet recorded); after restart all {runs.Completed().Count} completed; run twice: {again.Count}");
            Assert.Equal(ids.ToHashSet(), runs.Completed());

            // An event ran again only where the kill cut its run (its lease was taken over from the killed process), and
            // never beside another run of itself.
            Assert.All(again, id => Assert.Contains(id, takenOver));
            Assert.All(cut, id => Assert.Contains(id, takenOver));
            Assert.Equal(0, runs.Overlaps(killedAt));
        }
        finally
        {
            await receiver.DisposeAsync();
        }
    }

    [Fact]
    public async Task Proof4_three_receivers_on_postgres_one_killed_store_one_row_per_event_and_complete_every_event()
    {
        await using PostgresServer postgres = await PostgresServer.StartAsync();
        string connectionString = await postgres.CreateDatabaseAsync();
        using var dir = new TempSqliteFile();
        string runsFile = dir.Path + ".runs";
        ChildProcess[] receivers = Enumerable.Range(0, 3).Select(_ => StartReceiverProcess("postgres", connectionString, runsFile, handlerMs: 20, leaseMs: LoadedLeaseMs)).ToArray();
        try
        {
            Uri[] endpoints = await Task.WhenAll(receivers.Select(async r => new Uri(await r.WaitForLineAsync("ready", Startup))));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var answers = new Tally();
            var clock = Stopwatch.StartNew();
            string[] ids = Enumerable.Range(0, 500).Select(i => $"evt_p4_{i:D3}").ToArray();
            int delivered = 0;
            int killedPid = receivers[2].Id;
            long killedAt = 0;
            Task kill = Task.Run(async () =>
            {
                await Eventually.WaitUntilAsync(() => Volatile.Read(ref delivered) >= 600, "half the first round to be delivered", TimeSpan.FromSeconds(60));
                await receivers[2].KillAsync(TimeSpan.FromSeconds(10));
                killedAt = DateTime.UtcNow.Ticks;
            });

            // Each event to all three at once, then once more later to one of them: 2,000 deliveries. A delivery to the
            // killed receiver fails and goes to the next one, as a load balancer would send the sender's retry.
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = deadline.Token }, async (id, ct) =>
            {
                await Task.WhenAll(Enumerable.Range(0, 3).Select(i => DeliverAsync(http, endpoints, i, id, answers, ct)));
                Interlocked.Add(ref delivered, 3);
            });
            await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = deadline.Token }, async (x, ct) =>
                await DeliverAsync(http, endpoints, x.i % 3, x.id, answers, ct));
            await kill;
            TimeSpan took = clock.Elapsed;

            await Eventually.WaitUntilAsync(() => HandlerRuns.Read(runsFile).Completed().Count == ids.Length, $"every event to complete on the two survivors (deliveries took {took.TotalSeconds:0.0} s; answers {answers}; completed {HandlerRuns.Read(runsFile).Completed().Count})", TimeSpan.FromSeconds(30));
            HandlerRuns runs = HandlerRuns.Read(runsFile);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var rows = new NpgsqlCommand("SELECT count(*), count(DISTINCT event_id) FROM payments_webhook_inbox", connection);
            await using NpgsqlDataReader reader = await rows.ExecuteReaderAsync();
            await reader.ReadAsync();
            (long rowCount, long distinct) = (reader.GetInt64(0), reader.GetInt64(1));

            List<string> again = runs.RunMoreThanOnce();
            HashSet<string> takenOver = await TakenOverFromAsync(new PostgreSqlWebhookInboxStore(connectionString), killedPid);
            output.WriteLine(FormattableString.Invariant($"proof 4: 2000 deliveries of 500 events to 3 receiver processes on PostgreSQL in {took.TotalSeconds:0.0} s, one SIGKILLed after ~600; rows {rowCount}; completed {runs.Completed().Count}; handler runs {runs.All.Count}; taken over from the killed one {takenOver.Count}; run more than once {again.Count}; overlapping runs {runs.Overlaps(killedAt)}; answers: {answers}"));
            Assert.Equal(500, rowCount);
            Assert.Equal(500, distinct);
            Assert.Equal(ids.ToHashSet(), runs.Completed());
            Assert.All(again, id => Assert.Contains(id, takenOver));
            Assert.True(takenOver.Count <= 8, $"{takenOver.Count} events were taken over; at most the 8 the killed receiver runs at once may be"); // its MaxConcurrency
            Assert.Equal(0, runs.Overlaps(killedAt));
        }
        finally
        {
            foreach (ChildProcess receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Proof5_bad_input_is_never_stored_and_a_stopped_postgres_gets_503_with_retry_after_never_200()
    {
        await using PostgresServer postgres = await PostgresServer.StartAsync();
        string connectionString = await postgres.CreateDatabaseAsync();
        var runs = new InboxEndpointRuns();
        await using WebhookTestHost receiver = await StartReceiverAsync(TimeProvider.System, s => s.AddPostgreSqlWebhookInbox(connectionString), runs, (e, _) =>
        {
            runs.Add(e.Id);
            return Task.CompletedTask;
        });
        IWebhookInboxStore inbox = receiver.Services.GetRequiredService<IWebhookInboxStore>();
        byte[] valid = Events.Body("evt_ok", DateTimeOffset.UtcNow);

        int[] refused =
        [
            (await Events.PostAsync(receiver.Http, receiver.Endpoint, valid, Events.Sign(valid, "whsec_forged"))).Status,
            (await Events.PostAsync(receiver.Http, receiver.Endpoint, valid, contentType: "text/plain")).Status,
            (await Events.PostAsync(receiver.Http, receiver.Endpoint, "{\"id\":"u8.ToArray())).Status,
            (await Events.PostAsync(receiver.Http, receiver.Endpoint, Events.Body("evt_big" + new string('x', 300_000), DateTimeOffset.UtcNow))).Status,
            (await Events.PostAsync(receiver.Http, receiver.Endpoint, Events.Body("evt_old", DateTimeOffset.UtcNow.AddDays(-2)))).Status,
        ];
        Assert.Equal([401, 415, 400, 413, 200], refused);
        Assert.Empty(await inbox.ListAsync(null, 10, CancellationToken.None));

        Assert.Equal(200, (await Events.PostAsync(receiver.Http, receiver.Endpoint, valid)).Status);
        await postgres.StopAsync();
        (int status, string answer, string? retryAfter) = await Events.PostAsync(receiver.Http, receiver.Endpoint, Events.Body("evt_during_outage", DateTimeOffset.UtcNow));
        Assert.Equal(503, status);
        Assert.Equal("5", retryAfter);
        Assert.Contains("inbox_unavailable", answer, StringComparison.Ordinal);

        await postgres.StartAgainAsync();
        await Eventually.WaitUntilAsync(() => Events.PostAsync(receiver.Http, receiver.Endpoint, Events.Body("evt_during_outage", DateTimeOffset.UtcNow)).Result.Status == 200, "the redelivery to be stored once PostgreSQL is back");
        await Eventually.WaitUntilAsync(() => runs.Of("evt_during_outage") == 1 && runs.Of("evt_ok") == 1, "both events to run");
        Assert.Equal(0, runs.Of("evt_old"));
        output.WriteLine($"proof 5: forged 401, text/plain 415, malformed 400, 300 KB 413, 2-day-old 200 unhandled: none stored; PostgreSQL stopped: 503 Retry-After {retryAfter}; restarted: stored and run once");
    }

    private static async Task<WebhookTestHost> StartReceiverAsync(TimeProvider clock, Action<IServiceCollection> addInbox, InboxEndpointRuns runs, Func<PaymentsEvent, CancellationToken, Task> handle) =>
        await WebhookTestHost.StartAsync(new WebhookTestHostOptions
        {
            Secrets = [Events.Secret],
            Webhooks = webhooks =>
            {
                webhooks.Services.AddSingleton(clock);
                webhooks.Services.AddSingleton(new DelegateHandler.Body(handle));
                webhooks.AddWebhookHandler<PaymentsEvent, DelegateHandler>();
                addInbox(webhooks.Services);
                ObservedInboxStore.Decorate(webhooks.Services);
            },
        });

    /// <summary>The events another instance took over from <paramref name="pid"/> when its lease ended: the store notes each take-over in the event's errors.</summary>
    private static async Task<HashSet<string>> TakenOverFromAsync(IWebhookInboxStore store, int pid)
    {
        IReadOnlyList<WebhookInboxEntry> all = await store.ListAsync(state: null, limit: 10_000, CancellationToken.None);
        string owner = string.Create(CultureInfo.InvariantCulture, $"/{pid}/");
        return all.Where(e => e.Errors.Any(line => line.Contains("the lease of", StringComparison.Ordinal) && line.Contains(owner, StringComparison.Ordinal)))
            .Select(e => e.EventId)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static ChildProcess StartReceiverProcess(string kind, string location, string runsFile, int handlerMs, int leaseMs, int holdAfter = 0) =>
        ChildProcess.Start("receiver", kind, location, runsFile, handlerMs.ToString(CultureInfo.InvariantCulture), leaseMs.ToString(CultureInfo.InvariantCulture), holdAfter.ToString(CultureInfo.InvariantCulture));

    private static async Task ChargeAsync(FakePaymentsApi api, int count)
    {
        using var http = new HttpClient();
        var client = new PaymentsClient(http, new PaymentsClientOptions { BaseAddress = api.BaseAddress, ApiKey = api.ApiKey });
        for (int i = 0; i < count; i++)
        {
            await client.ChargeAsync(new ChargeRequest { Amount = 2500, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds });
        }
    }

    private static Func<bool> Parked(WebhookTestHost receiver, TestClock clock)
    {
        var store = (ObservedInboxStore)receiver.Services.GetRequiredService<IWebhookInboxStore>();
        return () => store.ParkedWithRuns(clock);
    }

    /// <summary>Delivers until answered 200, moving to the next receiver after a failure, as the sender's retry through a load balancer would.</summary>
    private static async Task DeliverAsync(HttpClient http, Uri[] endpoints, int first, string id, Tally answers, CancellationToken cancellationToken)
    {
        byte[] body = Events.Body(id, DateTimeOffset.UtcNow);
        for (int attempt = 0; ; attempt++)
        {
            Uri endpoint = endpoints[(first + attempt) % endpoints.Length];
            try
            {
                (int status, string answer, _) = await Events.PostAsync(http, endpoint, body, cancellationToken: cancellationToken);
                answers.Add(status == 200 && answer.Contains("duplicate", StringComparison.Ordinal) ? "200 duplicate" : status.ToString(CultureInfo.InvariantCulture));
                if (status == 200)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                answers.Add("connection refused");
            }

            await Task.Delay(50, cancellationToken); // the sender's pause before redelivering (shortened); bounded by the caller's token
        }
    }
}

/// <summary>Runs a test's delegate as the app's catch-all handler.</summary>
internal sealed class DelegateHandler(DelegateHandler.Body body) : IPaymentsWebhookHandler<PaymentsEvent>
{
    public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken) => body.Handle(paymentsEvent, cancellationToken);

    internal sealed record Body(Func<PaymentsEvent, CancellationToken, Task> Handle);
}
