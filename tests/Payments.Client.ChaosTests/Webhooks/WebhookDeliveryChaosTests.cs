namespace Payments.Client.ChaosTests.Webhooks;

/// <summary>
/// The receiver under what at-least-once delivery really does: events out of order, many events each
/// delivered many times, concurrently. Every handler runs once per event id. (A single event's duplicate and
/// concurrent deliveries are in Payments.Client.Webhooks.Tests/EndpointTests.)
/// </summary>
public sealed class WebhookDeliveryChaosTests
{
    // Recent: an event older than the 24-hour deduplication window would be answered without running handlers.
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddMinutes(-10);

    [Fact]
    public async Task Out_of_order_events_each_run_once_and_a_late_older_event_is_not_dropped()
    {
        var handlers = new HandlerLog();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(handlers.ReadmeApp([Signing.Secret]));
        using var http = new HttpClient();

        // One charge failed first (evt_old) and then succeeded on retry (evt_new); the sender delivers the newer
        // one first, then the older, then both again. Dedupe is by event id, not by charge: both must run, once.
        byte[] older = Deliveries.Event("evt_old", "charge.failed", "ch_1", T0);
        byte[] newer = Deliveries.Event("evt_new", "charge.succeeded", "ch_1", T0.AddSeconds(5));
        int[] statuses =
        [
            await Deliveries.PostAsync(http, host.Endpoint, newer),
            await Deliveries.PostAsync(http, host.Endpoint, older),
            await Deliveries.PostAsync(http, host.Endpoint, newer),
            await Deliveries.PostAsync(http, host.Endpoint, older),
        ];

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(["evt_new", "evt_old"], handlers.Order.ToArray());
        Assert.All(handlers.RunsPerEvent.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Many_events_each_delivered_many_times_concurrently_in_random_order_run_once_each()
    {
        var handlers = new HandlerLog();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(handlers.ReadmeApp([Signing.Secret]));
        using var http = new HttpClient();
        const int events = 60;
        const int copies = 5;
        string[] types = ["charge.succeeded", "charge.failed", "charge.refunded"];
        byte[][] bodies = Enumerable.Range(0, events).Select(i => Deliveries.Event($"evt_{i}", types[i % types.Length], $"ch_{i}", T0.AddSeconds(i))).ToArray();
        var random = new Random(11);
        byte[][] shuffled = Enumerable.Range(0, events * copies).Select(i => bodies[i % events]).OrderBy(_ => random.Next()).ToArray();

        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (body, _) =>
            statuses.Add(await Deliveries.PostAsync(http, host.Endpoint, body)));

        // A copy that lands while its twin's handler runs is told 503 "in progress" so the sender retries later;
        // anything else would be a lost or doubled event.
        Assert.All(statuses, s => Assert.True(s is 200 or 503, $"status {s}"));
        Assert.Equal(events, handlers.RunsPerEvent.Count);
        Assert.All(handlers.RunsPerEvent, pair => Assert.True(pair.Value == 1, $"{pair.Key} ran {pair.Value} times"));

        // The sender's later retries of all of them: 200, and still no second run.
        foreach (byte[] body in bodies)
        {
            Assert.Equal(200, await Deliveries.PostAsync(http, host.Endpoint, body));
        }

        Assert.Equal(events, handlers.Order.Count);
    }

    [Fact]
    public async Task Duplicates_held_in_flight_while_the_first_handler_runs_do_not_run_it_again()
    {
        var handlers = new HandlerLog();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(handlers.ReadmeApp([Signing.Secret]));
        using var http = new HttpClient();
        handlers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        byte[][] bodies = Enumerable.Range(0, 5).Select(i => Deliveries.Event($"evt_held_{i}", "charge.succeeded", $"ch_{i}", T0)).ToArray();

        // Five events whose handlers are all stuck, then three duplicates of each while they are.
        Task<int>[] first = bodies.Select(b => Deliveries.PostAsync(http, host.Endpoint, b)).ToArray();
        await Eventually.WaitUntilAsync(() => handlers.Order.Count >= bodies.Length, "all five first deliveries to be inside their held handlers", TimeSpan.FromSeconds(30));

        int[] duplicates = await Task.WhenAll(bodies.SelectMany(b => Enumerable.Repeat(b, 3)).Select(b => Deliveries.PostAsync(http, host.Endpoint, b)));
        handlers.Gate.SetResult();

        Assert.All(duplicates, s => Assert.Equal(503, s));
        Assert.All(await Task.WhenAll(first), s => Assert.Equal(200, s));
        Assert.All(handlers.RunsPerEvent.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task The_fake_senders_duplicated_events_for_real_charges_run_once_each()
    {
        var handlers = new HandlerLog();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(handlers.ReadmeApp([Signing.Secret]));
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions
        {
            RateLimit = { Enabled = false },
            Webhooks = { InitialRetryDelay = TimeSpan.FromMilliseconds(50) },
        });
        api.Webhooks.Register(host.Endpoint, Signing.Secret);
        api.Webhooks.DuplicateNextEvents(20);
        var client = new PaymentsClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, TestClientOptions.For(api.BaseAddress, api.ApiKey, rateLimit: false));

        await Parallel.ForEachAsync(Enumerable.Range(0, 20), async (i, ct) =>
        {
            try
            {
                await client.ChargeAsync(new ChargeRequest { Amount = 500 + i, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = i % 4 == 0 ? TestPaymentMethods.Declined : TestPaymentMethods.Succeeds }, ct);
            }
            catch (CardDeclinedException)
            {
                // Its charge.failed event is what we want.
            }
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await api.Webhooks.WaitUntilAsync(d => d.Count == 40 && d.All(x => x.State != WebhookDeliveryState.InProgress), cts.Token);

        Assert.Equal(20, api.Webhooks.Deliveries.Count(d => d.IsDuplicate));
        Assert.Equal(api.Webhooks.Deliveries.Select(d => d.EventId).Distinct().Order(), handlers.RunsPerEvent.Keys.Order());
        Assert.All(handlers.RunsPerEvent, pair => Assert.True(pair.Value == 1, $"{pair.Key} ran {pair.Value} times"));
    }
}
