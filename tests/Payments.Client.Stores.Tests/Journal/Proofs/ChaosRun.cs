using System.Net.Sockets;

namespace Payments.Client.Stores.Tests.Journal.Proofs;

/// <summary>
/// One crash-chaos run: the fake API in its own process, merchant workers charging <see cref="Orders"/> orders through
/// one journal, SIGKILLed at seeded random moments and restarted, then drained; what the journal, the fake and the
/// outcome file say afterwards, and the checks every run must pass. Real processes, so real time: each wait is bounded.
/// </summary>
internal sealed class ChaosRun
{
    private const string Secret = "whsec_journal_chaos";

    /// <summary>Process start-up on a loaded 2-core machine stays well inside this.</summary>
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Recovery settles everything within lease (1.5 s) + resend and poll backoff (1 s caps) + webhook retries; 40 s is the machine's slack.</summary>
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(40);

    public required string StoreKind { get; init; }

    public required string Store { get; init; }

    public required int Orders { get; init; }

    public int Kills { get; init; }

    public int Instances { get; init; } = 1;

    public bool Webhooks { get; init; } = true;

    public int Seed { get; init; } = 21;

    /// <summary>Where instance i's outcome handler writes: this path + <c>.i</c> (one writer per file).</summary>
    public required string OutcomesFile { get; init; }

    public IReadOnlyList<ChargeJournalEntry> Entries { get; private set; } = [];

    /// <summary>The fake's charges: key, id, status, merchant reference.</summary>
    public IReadOnlyList<(string Key, string Id, string Status, string Reference)> FakeCharges { get; private set; } = [];

    /// <summary>The outcome handler's runs: key, reference, state, instance.</summary>
    public IReadOnlyList<(string Key, string Reference, string State, int Instance)> Outcomes { get; private set; } = [];

    public async Task RunAsync(IChargeJournalStore store, ITestOutputHelper output)
    {
        var random = new Random(Seed);
        int port = FreePort();
        await using WorkerProcess fake = WorkerProcess.Start("fake", Seed.ToString(CultureInfo.InvariantCulture), Webhooks ? $"http://127.0.0.1:{port}/webhooks" : "none", Secret, "0.3");
        string[] api = (await fake.WaitForLineAsync("listening", StartDeadline)).Split(' ');

        WorkerProcess Worker(int instance) => WorkerProcess.Start(
            "merchant", StoreKind, Store, api[0], api[1], instance == 0 ? port.ToString(CultureInfo.InvariantCulture) : "0", Secret,
            Orders.ToString(CultureInfo.InvariantCulture), instance.ToString(CultureInfo.InvariantCulture), Instances.ToString(CultureInfo.InvariantCulture), OutcomesFile);

        for (int kill = 0; kill < Kills; kill++)
        {
            await using WorkerProcess victim = Worker(0);
            await victim.WaitForLineAsync("ready", StartDeadline);

            // The kill moment: seeded, within the first charges, the recovery passes and the outcome runs of this life.
            await Task.Delay(random.Next(20, 400));
            await victim.KillAsync();
        }

        var workers = Enumerable.Range(0, Instances).Select(Worker).ToList();
        try
        {
            foreach (WorkerProcess worker in workers)
            {
                await worker.WaitForLineAsync("charged", StartDeadline + DrainDeadline);
            }

            using var deadline = new CancellationTokenSource(DrainDeadline);
            while ((await store.ListAsync(ChargeJournalFilter.Unresolved, 1, default)).Count > 0 || (await store.ListAsync(ChargeJournalFilter.OutcomeDue, 1, default)).Count > 0)
            {
                await Task.Delay(100, deadline.Token); // real time: the workers' passes run every 100 ms
            }

            foreach (WorkerProcess worker in workers)
            {
                await worker.StopAsync(StartDeadline);
            }
        }
        finally
        {
            foreach (WorkerProcess worker in workers)
            {
                await worker.DisposeAsync();
            }
        }

        await fake.SendAsync("dump");
        FakeCharges = (await fake.ReadUntilAsync("end", StartDeadline))
            .Where(l => l.StartsWith("charge ", StringComparison.Ordinal))
            .Select(l => l.Split(' '))
            .Select(p => (p[1], p[2], p[3], p.Length > 4 ? p[4] : string.Empty))
            .ToList();
        Entries = await store.ListAsync(ChargeJournalFilter.All, int.MaxValue, default);
        Outcomes = Enumerable.Range(0, Instances).SelectMany(i => File.ReadAllLines($"{OutcomesFile}.{i}")).Select(l => l.Split(' ')).Select(p => (p[0], p[1], p[2], int.Parse(p[3], CultureInfo.InvariantCulture))).ToList();

        output.WriteLine($"{StoreKind}, {Instances} instance(s), {Kills} kills, webhooks {(Webhooks ? "on (30% dropped)" : "off")}: {Entries.Count} orders; " +
            $"{FakeCharges.Count} charges at the fake; re-sent intents {ResentIntents} ({Entries.Sum(e => Math.Max(0, e.Sends - 1))} re-sends); " +
            $"settled by answer {Settled("answer")}, webhook {Settled("webhook")}, poll {Settled("poll")}; polls {Entries.Sum(e => e.Polls)}; " +
            $"outcome runs {Outcomes.Count} (second completions {SecondCompletions}); in doubt {Entries.Count(e => e.State == ChargeJournalState.InDoubt)}");
    }

    public int ResentIntents => Entries.Count(e => e.Sends > 1);

    /// <summary>Outcome runs after the first for one charge: each needs a kill between a handler's end and its record.</summary>
    public int SecondCompletions => Outcomes.GroupBy(o => o.Key).Sum(g => g.Count() - 1);

    public int Settled(string source) => Entries.Count(e => e.SettledBy == source);

    /// <summary>The promises of every run.</summary>
    public void AssertMoneyIsRight()
    {
        // One journal entry per order, every one final (nothing unresolved, nothing in doubt inside the key window).
        Assert.Equal(Enumerable.Range(0, Orders).Select(i => $"order-{i}").Order(), Entries.Select(e => e.MerchantReference).Order());
        Assert.All(Entries, e => Assert.False(e.IsUnresolved, $"{e} is unresolved"));
        Assert.DoesNotContain(Entries, e => e.State == ChargeJournalState.InDoubt);

        // Exactly one charge at the fake for every order the API charged, under the journaled key; none for any other key.
        Assert.All(FakeCharges.GroupBy(c => c.Reference), g => Assert.Single(g));
        var byKey = Entries.ToDictionary(e => e.IdempotencyKey);
        Assert.All(FakeCharges, c => Assert.True(byKey.ContainsKey(c.Key), $"charge {c.Id} at the fake has a key the journal never sent"));
        Assert.All(Entries.Where(e => e.ChargeId is not null), e => Assert.Equal(e.ChargeId, Assert.Single(FakeCharges, c => c.Key == e.IdempotencyKey).Id));
        Assert.All(Entries.Where(e => e.State == ChargeJournalState.Succeeded), e => Assert.Equal("succeeded", Assert.Single(FakeCharges, c => c.Key == e.IdempotencyKey).Status));

        // Every outcome handled; a second run only where a kill fell between a handler's end and its record.
        Assert.All(Entries, e => Assert.True(e.OutcomeHandled, $"{e}: outcome not handled"));
        Assert.Equal(Entries.Select(e => e.IdempotencyKey).Order(), Outcomes.Select(o => o.Key).Distinct().Order());
        Assert.InRange(SecondCompletions, 0, Kills);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
