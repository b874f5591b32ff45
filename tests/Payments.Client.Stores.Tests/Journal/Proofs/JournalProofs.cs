namespace Payments.Client.Stores.Tests.Journal.Proofs;

/// <summary>
/// The charge journal's proofs (issue 21): crash chaos with SIGKILLed merchant workers, settlement by polling alone,
/// the key window on the fake clock, three instances on PostgreSQL, and bad input. Figures go to the test output.
/// </summary>
[Collection(nameof(PostgresCollection))]
public sealed class JournalProofs(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Crash_chaos_every_order_is_charged_exactly_once_and_every_outcome_handled()
    {
        using var file = new TempSqliteFile("journal.db");
        string outcomes = file.Path + ".outcomes";
        var run = new ChaosRun { StoreKind = "sqlite", Store = file.Path, Orders = 300, Kills = 10, OutcomesFile = outcomes };

        await run.RunAsync(new SqliteChargeJournalStore(file.Path), output);

        run.AssertMoneyIsRight();
        Assert.True(run.ResentIntents > 0, "the faults and kills left intents for recovery to re-send");
        Assert.True(run.Settled("webhook") > 0, "webhooks settled pending charges");
        Assert.True(run.Settled("poll") > 0, "polls settled the pending charges whose webhooks were dropped or missed");
    }

    [Fact]
    public async Task Without_any_webhook_every_pending_charge_settles_by_polling()
    {
        using var file = new TempSqliteFile("journal.db");
        var run = new ChaosRun { StoreKind = "sqlite", Store = file.Path, Orders = 300, Kills = 10, Webhooks = false, Seed = 7, OutcomesFile = file.Path + ".outcomes" };

        await run.RunAsync(new SqliteChargeJournalStore(file.Path), output);

        run.AssertMoneyIsRight();
        Assert.Equal(0, run.Settled("webhook"));
        Assert.True(run.Settled("poll") > 0);
        Assert.DoesNotContain(run.Entries, e => e.State == ChargeJournalState.Pending);
    }

    [Fact]
    public async Task Three_instances_on_postgres_share_one_journal_without_a_second_charge_or_outcome()
    {
        string connectionString = await postgres.CreateDatabaseAsync();
        await using var store = new PostgreSqlChargeJournalStore(connectionString);
        await store.EnsureSchemaAsync(default); // three instances creating it at once is the database suite's proof
        using var files = new TempSqliteFile("outcomes"); // only for its temporary directory
        {
            string outcomes = files.Path;
            var run = new ChaosRun { StoreKind = "postgres", Store = connectionString, Orders = 120, Instances = 3, OutcomesFile = outcomes, Seed = 3 };

            await run.RunAsync(store, output);

            run.AssertMoneyIsRight();
            Assert.Equal(0, run.SecondCompletions); // no kills here: no outcome ran twice, let alone on two instances
            Assert.All(run.Outcomes.GroupBy(o => o.Key), g => Assert.Single(g.Select(o => o.Instance).Distinct()));
        }
    }

    [Fact]
    public async Task An_intent_unanswered_past_the_key_window_is_never_resent_and_is_reported_in_doubt()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        rig.Fake.Faults.DropNext(); // the connection drops before the API processes anything: no answer, no charge
        await Assert.ThrowsAnyAsync<ConnectionFailedException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, reference: "late")));
        int sent = rig.ChargeRequests;
        rig.Fake.Faults.DropNext(1000); // every re-send inside the window fails the same way

        // Re-sent on schedule inside the window...
        rig.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await rig.Journal.RunOnceAsync(rig.Client)).Resent);
        ChargeJournalEntry entry = await rig.EntryAsync("late");
        rig.Clock.Advance(entry.CreatedAt + TimeSpan.FromHours(23) - TimeSpan.FromMilliseconds(1) - rig.Clock.GetUtcNow());
        Assert.Equal(1, (await rig.Journal.RunOnceAsync(rig.Client)).Resent);
        int sentInWindow = rig.ChargeRequests;
        Assert.Equal(sent + 2, sentInWindow);

        // ...and never once the window (23 h of the API's 24) has passed.
        rig.Clock.Advance(TimeSpan.FromMinutes(1)); // past the next re-send time (40 s after the third send)
        rig.Fake.Faults.Clear();
        ChargeJournalPass pass = await rig.Journal.RunOnceAsync(rig.Client);

        Assert.Equal((0, 1, 1), (pass.Resent, pass.InDoubt, pass.OutcomesHandled));
        Assert.Equal(sentInWindow, rig.ChargeRequests);
        entry = await rig.EntryAsync("late");
        Assert.Equal((ChargeJournalState.InDoubt, "recovery"), (entry.State, entry.SettledBy));
        Assert.Contains("key window", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(ChargeJournalState.InDoubt, Assert.Single(rig.Handled.Calls).State);
        Assert.Contains(rig.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("late", StringComparison.Ordinal) && l.Contains("in doubt", StringComparison.Ordinal));
        Assert.Empty(rig.Fake.Charges);
    }

    [Fact]
    public async Task A_journal_whose_store_is_unreachable_refuses_to_send_naming_the_store()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "journal.db");
        await using JournalRig rig = await JournalRig.StartAsync(new SqliteChargeJournalStore(missing));

        var ex = await Assert.ThrowsAsync<PaymentsException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds)));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.IdempotencyKey);
        Assert.Equal(0, rig.ChargeRequests);
    }

    [Fact]
    public async Task An_unreachable_postgres_journal_refuses_to_send_without_echoing_the_password()
    {
        await using var store = new PostgreSqlChargeJournalStore("Host=127.0.0.1;Port=1;Username=u;Password=hunter2;Database=shop;Timeout=2");
        await using JournalRig rig = await JournalRig.StartAsync(store);

        var ex = await Assert.ThrowsAsync<PaymentsException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds)));

        Assert.Contains("PostgreSQL database 'shop' on 127.0.0.1:1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, rig.ChargeRequests);
    }

    [Fact]
    public async Task A_corrupted_or_foreign_row_is_reported_in_doubt_and_never_resent()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        rig.Fake.Faults.DropNext(2);
        await Assert.ThrowsAnyAsync<ConnectionFailedException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, reference: "tampered")));
        await Assert.ThrowsAnyAsync<ConnectionFailedException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, reference: "foreign")));
        int sent = rig.ChargeRequests;

        await using (var connection = new SqliteConnection($"Data Source={rig.Path}"))
        {
            await connection.OpenAsync();
            using SqliteCommand edit = connection.CreateCommand();
            // One body edited (the amount), one row's key swapped for another's as if copied from elsewhere.
            edit.CommandText = """
                UPDATE payments_charge_journal SET body = CAST(replace(CAST(body AS TEXT), '2500', '250000') AS BLOB) WHERE merchant_reference = 'tampered';
                UPDATE payments_charge_journal SET idempotency_key = 'copied-from-elsewhere' WHERE merchant_reference = 'foreign';
                """;
            await edit.ExecuteNonQueryAsync();
        }

        rig.Clock.Advance(TimeSpan.FromSeconds(10));
        ChargeJournalPass pass = await rig.Journal.RunOnceAsync(rig.Client);

        Assert.Equal((0, 2), (pass.Resent, pass.InDoubt));
        Assert.Equal(sent, rig.ChargeRequests);
        foreach (string reference in new[] { "tampered", "foreign" })
        {
            ChargeJournalEntry entry = await rig.EntryAsync(reference);
            Assert.Equal(ChargeJournalState.InDoubt, entry.State);
            Assert.Contains("checksum", entry.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(2, rig.Logs.Lines.Count(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("checksum", StringComparison.Ordinal)));
    }
}
