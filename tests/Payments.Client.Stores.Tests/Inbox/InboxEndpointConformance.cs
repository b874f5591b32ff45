namespace Payments.Client.Stores.Tests.Inbox;

/// <summary>The endpoint in inbox mode on each store, on real Kestrel, with the registration line the docs show.</summary>
public abstract class InboxEndpointConformance(IInboxStoreFactory stores) : IAsyncLifetime
{
    private readonly InboxEndpointRuns _runs = new();
    private WebhookTestHost _host = null!;

    private IWebhookInboxStore Store => _host.Services.GetRequiredService<IWebhookInboxStore>();

    public async Task InitializeAsync()
    {
        Action<IServiceCollection> addInbox = await stores.RegistrationAsync(o => o.PollInterval = TimeSpan.FromMilliseconds(50));
        _host = await WebhookTestHost.StartAsync(new WebhookTestHostOptions
        {
            Secrets = [Events.Secret],
            MaxBodyBytes = 4096,
            Webhooks = webhooks =>
            {
                webhooks.Services.AddSingleton(_runs);
                webhooks.AddWebhookHandler<PaymentsEvent, CountRuns>();
                addInbox(webhooks.Services);
            },
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await stores.DisposeAsync();
    }

    [Fact]
    public async Task A_verified_delivery_is_stored_answered_200_and_then_handled_once_in_the_background()
    {
        byte[] body = Events.Body("evt_1", DateTimeOffset.UtcNow);
        (int status, string answer, _) = await Events.PostAsync(_host.Http, _host.Endpoint, body);

        Assert.Equal(200, status);
        Assert.Equal("""{"received":true}""", answer);
        WebhookInboxEntry stored = (await Store.GetAsync("evt_1", CancellationToken.None))!;
        Assert.Equal(body, stored.Body.ToArray());
        Assert.Equal("charge.succeeded", stored.EventType);
        await Eventually.WaitUntilAsync(() => _runs.Of("evt_1") == 1, "the handler to run from the inbox");
        await Eventually.WaitUntilAsync(() => Store.GetAsync("evt_1", CancellationToken.None).Result?.State == WebhookInboxState.Processed, "the event to be processed");
    }

    [Fact]
    public async Task Redeliveries_of_a_stored_id_are_answered_200_without_a_second_row_and_the_handler_runs_once()
    {
        byte[] body = Events.Body("evt_dup", DateTimeOffset.UtcNow);
        (int Status, string Body, string? RetryAfter)[] answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Events.PostAsync(_host.Http, _host.Endpoint, body)));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(5, answers.Count(a => a.Body.Contains("duplicate", StringComparison.Ordinal)));
        Assert.Single(await Store.ListAsync(state: null, limit: 10, CancellationToken.None));
        await Eventually.WaitUntilAsync(() => Store.GetAsync("evt_dup", CancellationToken.None).Result?.State == WebhookInboxState.Processed, "the event to be processed");
        Assert.Equal(200, (await Events.PostAsync(_host.Http, _host.Endpoint, body)).Status);
        Assert.Equal(1, _runs.Of("evt_dup"));
    }

    [Theory]
    [InlineData("wrong-signature", 401)]
    [InlineData("malformed-json", 400)]
    [InlineData("not-json-media-type", 415)]
    [InlineData("too-large", 413)]
    public async Task Bad_input_is_rejected_as_inline_and_never_stored(string kind, int expected)
    {
        byte[] valid = Events.Body("evt_bad", DateTimeOffset.UtcNow);
        byte[] malformed = "{\"id\":\"evt_bad\",\"type\":"u8.ToArray();
        byte[] large = Events.Body("evt_bad" + new string('x', 5000), DateTimeOffset.UtcNow);
        (int status, _, _) = kind switch
        {
            "wrong-signature" => await Events.PostAsync(_host.Http, _host.Endpoint, valid, Events.Sign(valid, "whsec_someone_else")),
            "malformed-json" => await Events.PostAsync(_host.Http, _host.Endpoint, malformed),
            "not-json-media-type" => await Events.PostAsync(_host.Http, _host.Endpoint, valid, contentType: "text/plain"),
            _ => await Events.PostAsync(_host.Http, _host.Endpoint, large),
        };

        Assert.Equal(expected, status);
        Assert.Empty(await Store.ListAsync(state: null, limit: 10, CancellationToken.None));
        Assert.Equal(0, _runs.Total);
    }

    [Fact]
    public async Task A_validly_signed_event_older_than_the_window_is_answered_200_and_never_stored_or_handled()
    {
        byte[] old = Events.Body("evt_old", DateTimeOffset.UtcNow - TimeSpan.FromHours(24) + TimeSpan.FromMinutes(4));
        byte[] fresh = Events.Body("evt_fresh", DateTimeOffset.UtcNow - TimeSpan.FromHours(24) + TimeSpan.FromMinutes(6));

        (int status, string answer, _) = await Events.PostAsync(_host.Http, _host.Endpoint, old);
        Assert.Equal(200, status);
        Assert.Contains("older_than_window", answer, StringComparison.Ordinal);
        Assert.Equal(200, (await Events.PostAsync(_host.Http, _host.Endpoint, fresh)).Status);

        // Only the one inside the window less the 5-minute skew margin is stored and run.
        await Eventually.WaitUntilAsync(() => _runs.Of("evt_fresh") == 1, "the fresh event to run");
        Assert.Null(await Store.GetAsync("evt_old", CancellationToken.None));
        Assert.Equal(0, _runs.Of("evt_old"));
    }

    internal sealed class CountRuns(InboxEndpointRuns runs) : IPaymentsWebhookHandler<PaymentsEvent>
    {
        public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
        {
            runs.Add(paymentsEvent.Id);
            return Task.CompletedTask;
        }
    }
}

public sealed class SqliteInboxEndpointTests() : InboxEndpointConformance(new SqliteInboxStores());

[Collection(nameof(PostgresCollection))]
public sealed class PostgresInboxEndpointTests(PostgresFixture postgres) : InboxEndpointConformance(new PostgresInboxStores(postgres));
