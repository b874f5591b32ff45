using Payments.Client.Journal;

namespace Payments.Client.Stores.Tests.Journal;

/// <summary>
/// What every charge journal store promises, run against SQLite and PostgreSQL by the two derived classes: an intent
/// stored once, final states never changed, claims that never hand one entry to two owners, outcomes completed once.
/// </summary>
public abstract class JournalStoreConformance : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 9, 14, 0, 0, TimeSpan.Zero);

    protected IChargeJournalStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.EnsureSchemaAsync(CancellationToken.None);
        await Store.EnsureSchemaAsync(CancellationToken.None); // idempotent
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IChargeJournalStore> CreateStoreAsync();

    internal static ChargeJournalEntry Intent(string key, DateTimeOffset at, string? reference = null, TimeSpan? lease = null)
    {
        byte[] body = Encoding.UTF8.GetBytes($$"""{"amount":2500,"currency":"usd","idempotency_key":"{{key}}"}""");
        return new ChargeJournalEntry
        {
            IdempotencyKey = key,
            MerchantReference = reference ?? key,
            Body = body,
            Checksum = "sha256-of-" + key, // opaque to a store: the journal computes and checks it
            CreatedAt = at,
            State = ChargeJournalState.Intent,
            NextCheckAt = at + (lease ?? TimeSpan.FromMinutes(3)),
            Sends = 1,
        };
    }

    private static ChargeJournalRecord Final(string key, ChargeJournalState state, DateTimeOffset at, string? chargeId = "ch_1", string? reason = null) =>
        new() { IdempotencyKey = key, State = state, At = at, ChargeId = chargeId, Reason = reason, SettledBy = "answer" };

    [Fact]
    public async Task An_intent_is_stored_once_with_its_exact_body_and_found_by_key_reference_or_charge_id()
    {
        ChargeJournalEntry intent = Intent("key-1", T0, reference: "order-1");
        Assert.True(await Store.TryAddIntentAsync(intent, default));
        Assert.False(await Store.TryAddIntentAsync(intent with { MerchantReference = "other" }, default));
        await Store.RecordAsync(new ChargeJournalRecord { IdempotencyKey = "key-1", State = ChargeJournalState.Pending, At = T0, ChargeId = "ch_9", NextCheckAt = T0.AddSeconds(5) }, default);

        foreach (string id in new[] { "key-1", "order-1", "ch_9" })
        {
            ChargeJournalEntry found = Assert.Single(await Store.FindAsync(id, default));
            Assert.Equal(intent.Body.ToArray(), found.Body.ToArray());
            Assert.Equal(intent.Checksum, found.Checksum);
            Assert.Equal(T0, found.CreatedAt);
            Assert.Equal("order-1", found.MerchantReference);
            Assert.Equal(ChargeJournalState.Pending, found.State);
            Assert.Equal(T0.AddSeconds(5), found.NextCheckAt);
            Assert.Equal("ch_9", found.ChargeId);
        }

        Assert.Empty(await Store.FindAsync("nothing", default));
    }

    [Fact]
    public async Task A_final_state_is_never_changed_and_pending_never_goes_back_to_intent()
    {
        await Store.TryAddIntentAsync(Intent("k", T0), default);
        Assert.True(await Store.RecordAsync(new ChargeJournalRecord { IdempotencyKey = "k", State = ChargeJournalState.Pending, At = T0, ChargeId = "ch_1", NextCheckAt = T0.AddSeconds(5), CountsSend = true }, default));
        Assert.False(await Store.RecordAsync(new ChargeJournalRecord { IdempotencyKey = "k", State = ChargeJournalState.Intent, At = T0, NextCheckAt = T0 }, default));
        Assert.True(await Store.RecordAsync(Final("k", ChargeJournalState.Failed, T0.AddSeconds(9), reason: "insufficient_funds") with { SettledBy = "webhook", CountsPoll = true }, default));
        Assert.False(await Store.RecordAsync(Final("k", ChargeJournalState.Succeeded, T0.AddSeconds(10)), default));
        Assert.False(await Store.RecordAsync(Final("missing", ChargeJournalState.Succeeded, T0), default));

        ChargeJournalEntry entry = Assert.Single(await Store.FindAsync("k", default));
        Assert.Equal(ChargeJournalState.Failed, entry.State);
        Assert.Equal("insufficient_funds", entry.Reason);
        Assert.Equal("webhook", entry.SettledBy);
        Assert.Equal(T0.AddSeconds(9), entry.FinalAt);
        Assert.Null(entry.NextCheckAt);
        Assert.Equal(2, entry.Sends);
        Assert.Equal(1, entry.Polls);
        Assert.False(entry.OutcomeHandled);
    }

    [Fact]
    public async Task Only_due_entries_are_claimed_and_a_claim_holds_them_for_its_lease()
    {
        await Store.TryAddIntentAsync(Intent("live", T0, lease: TimeSpan.FromMinutes(3)), default);
        await Store.TryAddIntentAsync(Intent("abandoned", T0.AddMinutes(-10), lease: TimeSpan.FromMinutes(3)), default);
        await Store.TryAddIntentAsync(Intent("done", T0.AddMinutes(-10), lease: TimeSpan.Zero), default);
        await Store.RecordAsync(Final("done", ChargeJournalState.Succeeded, T0), default);

        ChargeJournalEntry claimed = Assert.Single(await Store.ClaimDueAsync("a", 10, T0, TimeSpan.FromMinutes(1), default));
        Assert.Equal("abandoned", claimed.IdempotencyKey);
        Assert.Equal(T0.AddMinutes(1), claimed.NextCheckAt);
        Assert.Empty(await Store.ClaimDueAsync("b", 10, T0.AddSeconds(59), TimeSpan.FromMinutes(1), default));

        // The holder died: the lease ends, and another owner takes the entry (and the live call's, whose lease ended too).
        IReadOnlyList<ChargeJournalEntry> later = await Store.ClaimDueAsync("b", 10, T0.AddMinutes(3), TimeSpan.FromMinutes(1), default);
        Assert.Equal(["abandoned", "live"], later.Select(e => e.IdempotencyKey).Order().ToArray());
    }

    [Fact]
    public async Task Owners_claiming_at_once_never_get_the_same_entry()
    {
        for (int i = 0; i < 60; i++)
        {
            await Store.TryAddIntentAsync(Intent($"k{i:00}", T0.AddMinutes(-10), lease: TimeSpan.Zero), default);
        }

        IReadOnlyList<ChargeJournalEntry>[] claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(o =>
            Task.Run(async () =>
            {
                var mine = new List<ChargeJournalEntry>();
                IReadOnlyList<ChargeJournalEntry> batch;
                do
                {
                    batch = await Store.ClaimDueAsync($"owner{o}", 4, T0, TimeSpan.FromMinutes(1), default);
                    mine.AddRange(batch);
                }
                while (batch.Count > 0);
                return (IReadOnlyList<ChargeJournalEntry>)mine;
            })));

        string[] keys = claims.SelectMany(c => c).Select(e => e.IdempotencyKey).ToArray();
        Assert.Equal(60, keys.Length);
        Assert.Equal(60, keys.Distinct().Count());
    }

    [Fact]
    public async Task An_outcome_is_claimed_by_one_owner_and_never_again_after_it_completed()
    {
        await Store.TryAddIntentAsync(Intent("k", T0), default);
        Assert.Empty(await Store.ClaimOutcomesAsync("a", 10, T0, TimeSpan.FromMinutes(1), default)); // not final yet
        await Store.RecordAsync(Final("k", ChargeJournalState.Succeeded, T0), default);

        ChargeJournalEntry first = Assert.Single(await Store.ClaimOutcomesAsync("a", 10, T0, TimeSpan.FromMinutes(1), default));
        Assert.Equal(1, first.OutcomeRuns);
        Assert.Empty(await Store.ClaimOutcomesAsync("b", 10, T0.AddSeconds(30), TimeSpan.FromMinutes(1), default));

        // a's lease ended while its handler ran: b takes it over, and a's late completion is refused.
        ChargeJournalEntry second = Assert.Single(await Store.ClaimOutcomesAsync("b", 10, T0.AddMinutes(1), TimeSpan.FromMinutes(1), default));
        Assert.Equal(2, second.OutcomeRuns);
        Assert.False(await Store.CompleteOutcomeAsync("k", "a", default));
        Assert.True(await Store.CompleteOutcomeAsync("k", "b", default));
        Assert.False(await Store.CompleteOutcomeAsync("k", "b", default));

        Assert.Empty(await Store.ClaimOutcomesAsync("c", 10, T0.AddDays(1), TimeSpan.FromMinutes(1), default));
        Assert.True(Assert.Single(await Store.FindAsync("k", default)).OutcomeHandled);
    }

    [Fact]
    public async Task A_released_outcome_is_claimed_again_from_its_retry_time()
    {
        await Store.TryAddIntentAsync(Intent("k", T0), default);
        await Store.RecordAsync(Final("k", ChargeJournalState.Rejected, T0, chargeId: null, reason: "invalid_amount"), default);
        Assert.Single(await Store.ClaimOutcomesAsync("a", 10, T0, TimeSpan.FromMinutes(1), default));
        await Store.ReleaseOutcomeAsync("k", "a", T0.AddSeconds(5), default);

        Assert.Empty(await Store.ClaimOutcomesAsync("a", 10, T0.AddSeconds(4), TimeSpan.FromMinutes(1), default));
        ChargeJournalEntry again = Assert.Single(await Store.ClaimOutcomesAsync("a", 10, T0.AddSeconds(5), TimeSpan.FromMinutes(1), default));
        Assert.Equal(ChargeJournalState.Rejected, again.State);
        Assert.Equal("invalid_amount", again.Reason);
    }

    [Fact]
    public async Task Lists_and_counts_by_state()
    {
        await Store.TryAddIntentAsync(Intent("a", T0), default);
        await Store.TryAddIntentAsync(Intent("b", T0.AddSeconds(1)), default);
        await Store.TryAddIntentAsync(Intent("c", T0.AddSeconds(2)), default);
        await Store.TryAddIntentAsync(Intent("d", T0.AddSeconds(3)), default);
        await Store.RecordAsync(new ChargeJournalRecord { IdempotencyKey = "b", State = ChargeJournalState.Pending, At = T0, ChargeId = "ch_b", NextCheckAt = T0 }, default);
        await Store.RecordAsync(Final("c", ChargeJournalState.InDoubt, T0, chargeId: null, reason: "window"), default);
        await Store.RecordAsync(Final("d", ChargeJournalState.Succeeded, T0), default);

        Assert.Equal(["d", "c", "b", "a"], (await Store.ListAsync(ChargeJournalFilter.All, 10, default)).Select(e => e.IdempotencyKey).ToArray());
        Assert.Equal(["b", "a"], (await Store.ListAsync(ChargeJournalFilter.Unresolved, 10, default)).Select(e => e.IdempotencyKey).ToArray());
        Assert.Equal(["b"], (await Store.ListAsync(ChargeJournalFilter.Pending, 10, default)).Select(e => e.IdempotencyKey).ToArray());
        Assert.Equal(["c"], (await Store.ListAsync(ChargeJournalFilter.InDoubt, 10, default)).Select(e => e.IdempotencyKey).ToArray());
        Assert.Equal(["d", "c"], (await Store.ListAsync(ChargeJournalFilter.OutcomeDue, 10, default)).Select(e => e.IdempotencyKey).ToArray());
        Assert.Equal(["d"], (await Store.ListAsync(ChargeJournalFilter.All, 1, default)).Select(e => e.IdempotencyKey).ToArray());

        IReadOnlyDictionary<ChargeJournalState, long> counts = await Store.CountByStateAsync(default);
        Assert.Equal(1, counts[ChargeJournalState.Intent]);
        Assert.Equal(1, counts[ChargeJournalState.Pending]);
        Assert.Equal(1, counts[ChargeJournalState.InDoubt]);
        Assert.Equal(1, counts[ChargeJournalState.Succeeded]);
    }
}
