using StackExchange.Redis;
namespace Payments.Client.Redis.Tests;

/// <summary>The store's semantics on a real Redis, with short claim lifetimes where lapsing is the point.</summary>
public sealed class DeduplicationStoreTests(RedisFixture fixture) : IClassFixture<RedisFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_claim_is_exclusive_until_completed_then_the_event_is_handled_for_the_window()
    {
        RedisWebhookDeduplicationStore store = Store();
        string id = NewId();

        DeduplicationClaim first = await store.TryClaimAsync(id, default);
        DeduplicationClaim second = await store.TryClaimAsync(id, default);
        await store.CompleteAsync(first, Window, default);
        DeduplicationClaim third = await store.TryClaimAsync(id, default);

        Assert.Equal(DeduplicationStatus.Claimed, first.Status);
        Assert.Equal(DeduplicationStatus.InProgress, second.Status);
        Assert.Equal(DeduplicationStatus.AlreadyHandled, third.Status);
        TimeSpan? ttl = await fixture.Redis.GetDatabase().KeyTimeToLiveAsync("payments:webhooks:" + id);
        Assert.InRange(ttl!.Value, Window - TimeSpan.FromSeconds(30), Window);
    }

    [Fact]
    public async Task Of_many_concurrent_claims_from_separate_connections_exactly_one_wins()
    {
        string id = NewId();
        await using ConnectionMultiplexer other = await ConnectionMultiplexer.ConnectAsync(fixture.Server.ConnectionString);
        RedisWebhookDeduplicationStore[] stores = [Store(), new RedisWebhookDeduplicationStore(other)];

        DeduplicationClaim[] claims = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => stores[i % 2].TryClaimAsync(id, default).AsTask()));

        Assert.Single(claims, c => c.Status == DeduplicationStatus.Claimed);
        Assert.Equal(39, claims.Count(c => c.Status == DeduplicationStatus.InProgress));
    }

    [Fact]
    public async Task Only_the_owner_can_abandon_a_claim_and_an_abandoned_event_can_be_claimed_again()
    {
        RedisWebhookDeduplicationStore store = Store();
        string id = NewId();
        DeduplicationClaim owner = await store.TryClaimAsync(id, default);

        await store.AbandonAsync(DeduplicationClaim.Claimed(id, "not-the-owner"), default);
        DeduplicationClaim afterForeignAbandon = await store.TryClaimAsync(id, default);
        await store.AbandonAsync(owner, default);
        DeduplicationClaim afterOwnerAbandon = await store.TryClaimAsync(id, default);

        Assert.Equal(DeduplicationStatus.InProgress, afterForeignAbandon.Status);
        Assert.Equal(DeduplicationStatus.Claimed, afterOwnerAbandon.Status);
    }

    [Fact]
    public async Task A_crashed_handlers_claim_lapses_and_its_late_completion_does_not_overwrite_the_new_owner()
    {
        RedisWebhookDeduplicationStore store = Store(claimLifetime: TimeSpan.FromSeconds(1));
        string id = NewId();
        var sinceClaimSent = Stopwatch.StartNew(); // Redis starts the lifetime after this, however late the answer comes
        DeduplicationClaim crashed = await store.TryClaimAsync(id, default);

        DeduplicationClaim retaken = await ClaimWhenLapsedAsync(store, id, sinceClaimSent);
        await store.CompleteAsync(crashed, Window, default);
        DeduplicationClaim whileRetakenRuns = await store.TryClaimAsync(id, default);
        await store.CompleteAsync(retaken, Window, default);
        DeduplicationClaim afterwards = await store.TryClaimAsync(id, default);

        Assert.Equal(DeduplicationStatus.InProgress, whileRetakenRuns.Status);
        Assert.Equal(DeduplicationStatus.AlreadyHandled, afterwards.Status);
    }

    [Fact]
    public async Task A_claim_that_is_not_held_cannot_be_completed()
    {
        RedisWebhookDeduplicationStore store = Store();
        string id = NewId();
        await store.TryClaimAsync(id, default);
        DeduplicationClaim inProgress = await store.TryClaimAsync(id, default);

        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(inProgress, Window, default).AsTask());
    }

    [Fact]
    public async Task The_key_holds_only_the_event_id_and_a_random_owner_token()
    {
        RedisWebhookDeduplicationStore store = Store();
        string id = NewId();
        DeduplicationClaim claim = await store.TryClaimAsync(id, default);

        RedisValue value = await fixture.Redis.GetDatabase().StringGetAsync("payments:webhooks:" + id);

        Assert.Equal(claim.OwnerToken, value.ToString());
        Assert.Matches("^[0-9A-F]{32}$", claim.OwnerToken!);
    }

    private static string NewId() => "evt_" + Guid.NewGuid().ToString("N");

    /// <summary>Polls until the claim lapsed (real Redis time), with a deadline.</summary>
    private static async Task<DeduplicationClaim> ClaimWhenLapsedAsync(RedisWebhookDeduplicationStore store, string id, Stopwatch sinceClaimSent)
    {
        while (sinceClaimSent.Elapsed < TimeSpan.FromSeconds(10))
        {
            DeduplicationClaim claim = await store.TryClaimAsync(id, default);
            if (claim.Status == DeduplicationStatus.Claimed)
            {
                // Timed from before the claim was sent, so no delay of its answer on a loaded machine shortens it (timed from
                // the answer, a 1 s claim was seen to lapse 99 ms later); Redis keeps expiry times in whole milliseconds.
                Assert.True(sinceClaimSent.Elapsed >= TimeSpan.FromMilliseconds(999), $"the claim lapsed {sinceClaimSent.Elapsed.TotalMilliseconds} ms after it was sent, before its 1 s lifetime");
                return claim;
            }

            await Task.Delay(50); // bounded poll (10 s above): the lapse happens on the real Redis server's clock
        }

        throw new TimeoutException("a 1 s claim had not lapsed 10 s after it was sent");
    }

    private RedisWebhookDeduplicationStore Store(TimeSpan? claimLifetime = null) =>
        new(fixture.Redis, new RedisWebhookDeduplicationOptions { ClaimLifetime = claimLifetime ?? TimeSpan.FromMinutes(10) });
}
