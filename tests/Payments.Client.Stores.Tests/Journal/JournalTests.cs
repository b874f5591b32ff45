namespace Payments.Client.Stores.Tests.Journal;

/// <summary>
/// The journaled charge as a merchant sees it, on a fake clock with exact delays: the intent is committed before
/// anything is sent, each answer is recorded without changing what the caller sees, recovery re-sends and polls on
/// schedule, webhooks settle, and the outcome handler runs once per final state.
/// </summary>
public sealed class JournalTests
{
    [Fact]
    public async Task The_intent_with_the_exact_body_is_committed_before_the_first_byte_is_sent()
    {
        JournalRig? rig = null;
        var seen = new List<(bool Committed, byte[] Sent, byte[]? Journaled)>();
        var probe = new ProbeHandler(async request =>
        {
            byte[] sent = await request.Content!.ReadAsByteArrayAsync();
            IReadOnlyList<ChargeJournalEntry> rows = await rig!.Journal.FindAsync(request.Headers.GetValues("Idempotency-Key").Single());
            seen.Add((rows.Count == 1 && rows[0].State == ChargeJournalState.Intent, sent, rows.Count == 1 ? rows[0].Body.ToArray() : null));
        });
        await using (rig = await JournalRig.StartAsync(handler: probe))
        {
            ChargeResult result = await rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, reference: "order-7"));

            var (committed, sent, journaled) = Assert.Single(seen);
            Assert.True(committed);
            Assert.Equal(sent, journaled);
            ChargeJournalEntry entry = await rig.EntryAsync("order-7");
            Assert.Equal(result.IdempotencyKey, entry.IdempotencyKey);
            Assert.Equal(ChargeJournalState.Succeeded, entry.State);
            Assert.Equal(result.Charge.Id, entry.ChargeId);
            Assert.Equal("answer", entry.SettledBy);
            Assert.Equal(rig.Clock.GetUtcNow(), entry.CreatedAt);
        }
    }

    [Fact]
    public async Task The_reference_is_the_key_when_the_request_names_none()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        ChargeResult result = await rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, key: "order-8-attempt-1"));
        Assert.Equal("order-8-attempt-1", (await rig.EntryAsync(result.Charge.Id)).MerchantReference);
    }

    [Fact]
    public async Task Answers_about_the_request_are_final_and_the_caller_sees_the_same_errors()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        var declined = await Assert.ThrowsAsync<CardDeclinedException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.InsufficientFunds, reference: "declined")));
        var rejected = await Assert.ThrowsAsync<InvalidRequestException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.OtherCustomers, reference: "rejected")));

        ChargeJournalEntry failed = await rig.EntryAsync("declined");
        Assert.Equal((ChargeJournalState.Failed, "insufficient_funds"), (failed.State, failed.Reason));
        Assert.Equal(declined.IdempotencyKey, failed.IdempotencyKey);
        ChargeJournalEntry refused = await rig.EntryAsync("rejected");
        Assert.Equal((ChargeJournalState.Rejected, "payment_method_mismatch"), (refused.State, refused.Reason));
        Assert.Equal(rejected.IdempotencyKey, refused.IdempotencyKey);

        ChargeJournalPass pass = await rig.Journal.RunOnceAsync(rig.Client);
        Assert.Equal(0, pass.Resent);
        Assert.Equal(2, pass.OutcomesHandled);
        Assert.Equal(["declined", "rejected"], rig.Handled.Calls.Select(c => c.MerchantReference).Order().ToArray());
    }

    [Fact]
    public async Task A_charge_whose_answer_was_lost_is_resent_once_due_and_the_api_replays_it()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        rig.Fake.Faults.ChargeThenDrop();
        await Assert.ThrowsAnyAsync<ConnectionFailedException>(() => rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, reference: "lost")));
        ChargeJournalEntry unresolved = await rig.EntryAsync("lost");
        Assert.Equal(ChargeJournalState.Intent, unresolved.State);
        Assert.Equal(rig.Clock.GetUtcNow() + TimeSpan.FromSeconds(10), unresolved.NextCheckAt);

        rig.Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, (await rig.Journal.RunOnceAsync(rig.Client)).Resent);
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        ChargeJournalPass pass = await rig.Journal.RunOnceAsync(rig.Client);

        Assert.Equal((1, 1, 1), (pass.Resent, pass.Replayed, pass.Settled));
        ChargeJournalEntry settled = await rig.EntryAsync("lost");
        Assert.Equal((ChargeJournalState.Succeeded, 2), (settled.State, settled.Sends));
        Assert.Single(rig.Fake.Charges, c => c.IdempotencyKey == settled.IdempotencyKey);
        Assert.Equal(settled.IdempotencyKey, Assert.Single(rig.Handled.Calls).IdempotencyKey);
        Assert.True((await rig.EntryAsync("lost")).OutcomeHandled);
    }

    [Fact]
    public async Task A_pending_charge_is_polled_with_doubling_delays_until_it_settles()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        ChargeResult result = await rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.PendingThenSucceeds, reference: "slow"));
        Assert.Equal(ChargeStatus.Pending, result.Charge.Status);
        int gets() => rig.Fake.Requests.Count(r => r.Method == "GET");

        rig.Clock.Advance(TimeSpan.FromSeconds(4.999));
        await rig.Journal.RunOnceAsync(rig.Client);
        Assert.Equal(0, gets());
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, (await rig.Journal.RunOnceAsync(rig.Client)).Polled); // 5 s: still pending; next poll 10 s later
        Assert.Equal(ChargeJournalState.Pending, (await rig.EntryAsync("slow")).State);

        await rig.Fake.SettlePendingAsync(result.Charge.Id);
        rig.Clock.Advance(TimeSpan.FromSeconds(9.999));
        await rig.Journal.RunOnceAsync(rig.Client);
        Assert.Equal(1, gets());
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        ChargeJournalPass pass = await rig.Journal.RunOnceAsync(rig.Client);

        Assert.Equal((1, 1, 1), (pass.Polled, pass.Settled, pass.OutcomesHandled));
        ChargeJournalEntry entry = await rig.EntryAsync("slow");
        Assert.Equal((ChargeJournalState.Succeeded, "poll", 2), (entry.State, entry.SettledBy, entry.Polls));
    }

    [Fact]
    public async Task A_webhook_settles_a_pending_charge_before_any_poll()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        ChargeResult result = await rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.PendingThenFails, reference: "hooked"));

        Assert.True(await rig.Journal.SettleFromWebhookAsync(result.Charge with { Status = ChargeStatus.Failed, FailureReason = FailureReason.InsufficientFunds }));
        Assert.False(await rig.Journal.SettleFromWebhookAsync(result.Charge with { Status = ChargeStatus.Succeeded })); // a late, contradicting delivery changes nothing
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        ChargeJournalPass pass = await rig.Journal.RunOnceAsync(rig.Client);

        Assert.Equal(0, pass.Polled);
        ChargeJournalEntry entry = await rig.EntryAsync("hooked");
        Assert.Equal((ChargeJournalState.Failed, "insufficient_funds", "webhook"), (entry.State, entry.Reason, entry.SettledBy));
        Assert.Equal(ChargeJournalState.Failed, Assert.Single(rig.Handled.Calls).State);
    }

    [Fact]
    public async Task An_outcome_handler_that_throws_runs_again_after_its_delay_and_never_after_it_completed()
    {
        int runs = 0;
        await using JournalRig rig = await JournalRig.StartAsync(onOutcome: _ => ++runs == 1 ? throw new InvalidOperationException("warehouse down") : Task.CompletedTask);
        await rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, reference: "o"));

        Assert.Equal(1, (await rig.Journal.RunOnceAsync(rig.Client)).OutcomesFailed);
        rig.Clock.Advance(TimeSpan.FromSeconds(4.999));
        Assert.Equal(0, (await rig.Journal.RunOnceAsync(rig.Client)).OutcomesHandled);
        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, (await rig.Journal.RunOnceAsync(rig.Client)).OutcomesHandled);
        rig.Clock.Advance(TimeSpan.FromDays(1));
        await rig.Journal.RunOnceAsync(rig.Client);

        Assert.Equal(2, runs);
        Assert.Contains(rig.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("outcome handler failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_charge_repeated_by_the_caller_with_its_key_is_journaled_once()
    {
        await using JournalRig rig = await JournalRig.StartAsync();
        ChargeResult first = await rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, key: "order-9"));
        ChargeResult again = await rig.Client.ChargeAsync(JournalRig.Order(TestPaymentMethods.Succeeds, key: "order-9"));

        Assert.True(again.Replayed);
        Assert.Equal(first.Charge.Id, again.Charge.Id);
        Assert.Equal(ChargeJournalState.Succeeded, (await rig.EntryAsync("order-9")).State);
    }

    private sealed class ProbeHandler(Func<HttpRequestMessage, Task> probe) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post)
            {
                await probe(request);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
