namespace Payments.Client.Stores.Tests.Inbox;

/// <summary>What every inbox store promises, run against SQLite and PostgreSQL by the two classes below: the same behaviour on both.</summary>
public abstract class InboxStoreConformance(IInboxStoreFactory stores) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 9, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private IWebhookInboxStore _store = null!;

    public async Task InitializeAsync() => _store = await stores.CreateAsync();

    public async Task DisposeAsync() => await stores.DisposeAsync();

    [Fact]
    public async Task A_delivery_is_stored_once_under_its_event_id_with_its_raw_body_type_and_receipt_time()
    {
        WebhookInboxDelivery delivery = Events.Delivery("evt_1", T0) with { TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
        Assert.True(await _store.TryAddAsync(delivery, CancellationToken.None));
        Assert.False(await _store.TryAddAsync(delivery with { ReceivedAt = T0.AddSeconds(5) }, CancellationToken.None));

        WebhookInboxEntry entry = Assert.Single(await _store.ListAsync(state: null, limit: 10, CancellationToken.None));
        Assert.Equal("evt_1", entry.EventId);
        Assert.Equal("charge.succeeded", entry.EventType);
        Assert.Equal(delivery.Body.ToArray(), entry.Body.ToArray());
        Assert.Equal(T0, entry.ReceivedAt);
        Assert.Equal(delivery.TraceParent, entry.TraceParent);
        Assert.Equal(WebhookInboxState.Pending, entry.State);
        Assert.Equal(0, entry.Attempts);
        Assert.Equal(T0, entry.NextAttemptAt);
        Assert.Empty(entry.Errors);
    }

    [Fact]
    public async Task A_claim_takes_due_events_only_counts_an_attempt_and_holds_them_until_the_lease_ends()
    {
        await _store.TryAddAsync(Events.Delivery("evt_due", T0), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_later", T0.AddMinutes(5)), CancellationToken.None);

        WebhookInboxEntry claimed = Assert.Single(await _store.ClaimAsync("a", 10, T0, Lease, CancellationToken.None));
        Assert.Equal("evt_due", claimed.EventId);
        Assert.Equal(WebhookInboxState.Processing, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal("a", claimed.LeaseOwner);
        Assert.Equal(T0 + Lease, claimed.NextAttemptAt);

        // Held: nobody else gets it before the lease ends, the renewal moves the end, then another owner takes it over.
        Assert.Empty(await _store.ClaimAsync("b", 10, T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, CancellationToken.None));
        Assert.True(await _store.RenewLeaseAsync("evt_due", "a", T0 + (2 * Lease), CancellationToken.None));
        Assert.False(await _store.RenewLeaseAsync("evt_due", "b", T0 + (3 * Lease), CancellationToken.None));
        Assert.Empty(await _store.ClaimAsync("b", 10, T0 + Lease, Lease, CancellationToken.None));
        IReadOnlyList<WebhookInboxEntry> takenOver = await _store.ClaimAsync("b", 10, T0 + (2 * Lease), Lease, CancellationToken.None);

        WebhookInboxEntry again = Assert.Single(takenOver, e => e.EventId == "evt_due");
        Assert.Equal(2, again.Attempts);
        Assert.Equal("b", again.LeaseOwner);
        Assert.Contains("the lease of a ended before its run finished", Assert.Single(again.Errors), StringComparison.Ordinal);

        // The first owner's late completion does not count: the event is b's now.
        Assert.False(await _store.CompleteAsync("evt_due", "a", T0 + (2 * Lease), CancellationToken.None));
        Assert.True(await _store.CompleteAsync("evt_due", "b", T0 + (2 * Lease), CancellationToken.None));
    }

    [Fact]
    public async Task Owners_claiming_at_once_never_get_the_same_event()
    {
        string[] ids = Enumerable.Range(0, 60).Select(i => $"evt_{i:D2}").ToArray();
        foreach (string id in ids)
        {
            await _store.TryAddAsync(Events.Delivery(id, T0), CancellationToken.None);
        }

        IWebhookInboxStore other = await stores.CreateAsync(); // a second instance on the same database
        Task<IReadOnlyList<WebhookInboxEntry>>[] claims = Enumerable.Range(0, 6)
            .Select(i => (i % 2 == 0 ? _store : other).ClaimAsync($"owner{i}", 15, T0, Lease, CancellationToken.None))
            .ToArray();
        IReadOnlyList<WebhookInboxEntry>[] results = await Task.WhenAll(claims);

        List<string> all = results.SelectMany(r => r.Select(e => e.EventId)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(ids.Length, all.Count);
    }

    [Fact]
    public async Task A_completed_event_is_processed_and_no_longer_claimed()
    {
        await _store.TryAddAsync(Events.Delivery("evt_1", T0), CancellationToken.None);
        await _store.ClaimAsync("a", 1, T0, Lease, CancellationToken.None);

        Assert.False(await _store.CompleteAsync("evt_1", "intruder", T0.AddSeconds(1), CancellationToken.None));
        Assert.True(await _store.CompleteAsync("evt_1", "a", T0.AddSeconds(1), CancellationToken.None));

        WebhookInboxEntry entry = (await _store.GetAsync("evt_1", CancellationToken.None))!;
        Assert.Equal(WebhookInboxState.Processed, entry.State);
        Assert.Equal(T0.AddSeconds(1), entry.CompletedAt);
        Assert.Null(entry.NextAttemptAt);
        Assert.Null(entry.LeaseOwner);
        Assert.Empty(await _store.ClaimAsync("a", 10, T0.AddDays(1), Lease, CancellationToken.None));
        Assert.False(await _store.TryAddAsync(Events.Delivery("evt_1", T0.AddHours(1)), CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_attempt_keeps_its_error_and_waits_for_its_next_time_and_a_final_failure_is_a_dead_letter()
    {
        await _store.TryAddAsync(Events.Delivery("evt_1", T0), CancellationToken.None);
        await _store.ClaimAsync("a", 1, T0, Lease, CancellationToken.None);
        Assert.True(await _store.FailAsync("evt_1", "a", "attempt 1: boom\nsecond line", T0.AddSeconds(5), T0, CancellationToken.None));

        WebhookInboxEntry waiting = (await _store.GetAsync("evt_1", CancellationToken.None))!;
        Assert.Equal(WebhookInboxState.Pending, waiting.State);
        Assert.Equal(T0.AddSeconds(5), waiting.NextAttemptAt);
        Assert.Equal(["attempt 1: boom second line"], waiting.Errors);
        Assert.Empty(await _store.ClaimAsync("a", 1, T0.AddSeconds(4), Lease, CancellationToken.None));

        Assert.Single(await _store.ClaimAsync("a", 1, T0.AddSeconds(5), Lease, CancellationToken.None));
        Assert.True(await _store.FailAsync("evt_1", "a", "attempt 2: boom", nextAttemptAt: null, T0.AddSeconds(6), CancellationToken.None));

        WebhookInboxEntry dead = (await _store.GetAsync("evt_1", CancellationToken.None))!;
        Assert.Equal(WebhookInboxState.DeadLetter, dead.State);
        Assert.Equal(2, dead.Attempts);
        Assert.Equal(T0.AddSeconds(6), dead.CompletedAt);
        Assert.Equal(["attempt 1: boom second line", "attempt 2: boom"], dead.Errors);
        Assert.Empty(await _store.ClaimAsync("a", 1, T0.AddDays(30), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_event_is_due_again_at_once_and_its_attempt_not_counted()
    {
        await _store.TryAddAsync(Events.Delivery("evt_1", T0), CancellationToken.None);
        await _store.ClaimAsync("a", 1, T0, Lease, CancellationToken.None);
        Assert.True(await _store.ReleaseAsync("evt_1", "a", T0.AddSeconds(1), CancellationToken.None));

        WebhookInboxEntry again = Assert.Single(await _store.ClaimAsync("b", 1, T0.AddSeconds(1), Lease, CancellationToken.None));
        Assert.Equal(1, again.Attempts);
        Assert.Empty(again.Errors);
    }

    [Fact]
    public async Task Dead_letters_are_replayed_one_or_all_since_a_time_and_pending_events_are_left_alone()
    {
        foreach ((string id, int minute) in new[] { ("evt_old", 0), ("evt_new1", 10), ("evt_new2", 20), ("evt_pending", 30) })
        {
            await _store.TryAddAsync(Events.Delivery(id, T0.AddMinutes(minute)), CancellationToken.None);
        }

        DateTimeOffset now = T0.AddHours(1);
        foreach (WebhookInboxEntry e in await _store.ClaimAsync("a", 3, now, Lease, CancellationToken.None))
        {
            await _store.FailAsync(e.EventId, "a", "boom", nextAttemptAt: null, now, CancellationToken.None);
        }

        Assert.Equal(2, await _store.ReplayDeadLettersAsync(since: T0.AddMinutes(10), now, CancellationToken.None));
        Assert.Equal(WebhookInboxState.DeadLetter, (await _store.GetAsync("evt_old", CancellationToken.None))!.State);
        WebhookInboxEntry replayed = (await _store.GetAsync("evt_new1", CancellationToken.None))!;
        Assert.Equal(WebhookInboxState.Pending, replayed.State);
        Assert.Equal(0, replayed.Attempts);
        Assert.Equal(now, replayed.NextAttemptAt);
        Assert.Equal(["boom"], replayed.Errors);

        Assert.True(await _store.ReplayAsync("evt_old", now, CancellationToken.None));
        Assert.False(await _store.ReplayAsync("evt_pending", now, CancellationToken.None));
        Assert.False(await _store.ReplayAsync("evt_missing", now, CancellationToken.None));
        Assert.Equal(4, (await _store.ListAsync(WebhookInboxState.Pending, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Purge_deletes_processed_events_and_dead_letters_completed_before_a_time_and_never_owed_ones()
    {
        await _store.TryAddAsync(Events.Delivery("evt_done_early", T0), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_done_late", T0), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_dead", T0), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_pending", T0.AddHours(5)), CancellationToken.None);
        await _store.ClaimAsync("a", 3, T0, Lease, CancellationToken.None);
        await _store.CompleteAsync("evt_done_early", "a", T0.AddMinutes(1), CancellationToken.None);
        await _store.CompleteAsync("evt_done_late", "a", T0.AddHours(2), CancellationToken.None);
        await _store.FailAsync("evt_dead", "a", "boom", null, T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(1, await _store.PurgeAsync(WebhookInboxState.Processed, T0.AddHours(1), CancellationToken.None));
        Assert.Null(await _store.GetAsync("evt_done_early", CancellationToken.None));
        Assert.NotNull(await _store.GetAsync("evt_done_late", CancellationToken.None));
        Assert.NotNull(await _store.GetAsync("evt_dead", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PurgeAsync(WebhookInboxState.Pending, T0.AddDays(1), CancellationToken.None));
        Assert.Equal(1, await _store.PurgeAsync(WebhookInboxState.DeadLetter, T0.AddDays(1), CancellationToken.None));
        Assert.NotNull(await _store.GetAsync("evt_pending", CancellationToken.None));
    }

    [Fact]
    public async Task Stats_count_events_by_state_and_give_the_oldest_unprocessed_receipt()
    {
        Assert.Equal(new WebhookInboxStats(0, 0, 0, 0, null), await _store.GetStatsAsync(CancellationToken.None));
        await _store.TryAddAsync(Events.Delivery("evt_1", T0), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_2", T0.AddMinutes(1)), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_3", T0.AddMinutes(2)), CancellationToken.None);
        await _store.TryAddAsync(Events.Delivery("evt_4", T0.AddMinutes(30)), CancellationToken.None);
        DateTimeOffset now = T0.AddMinutes(10);
        await _store.ClaimAsync("a", 3, now, Lease, CancellationToken.None);
        await _store.CompleteAsync("evt_1", "a", now, CancellationToken.None);
        await _store.FailAsync("evt_2", "a", "boom", null, now, CancellationToken.None);

        Assert.Equal(new WebhookInboxStats(Pending: 1, Processing: 1, Processed: 1, DeadLetters: 1, OldestUnprocessedReceivedAt: T0.AddMinutes(2)), await _store.GetStatsAsync(CancellationToken.None));
    }
}

public sealed class SqliteInboxStoreTests() : InboxStoreConformance(new SqliteInboxStores());

[Collection(nameof(PostgresCollection))]
public sealed class PostgresInboxStoreTests(PostgresFixture postgres) : InboxStoreConformance(new PostgresInboxStores(postgres));
