namespace Payments.Client.Stores.Tests.Inbox;

/// <summary>The contract's edge on the inline path (no inbox): an event older than the window is answered 200, not handled, logged at Warning.</summary>
public sealed class InlineReplayWindowTests
{
    [Fact]
    public async Task An_event_older_than_the_window_is_answered_200_without_running_handlers_and_logged_at_warning()
    {
        var runs = new InboxEndpointRuns();
        var logs = new LogCapture();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(new WebhookTestHostOptions
        {
            Secrets = [Events.Secret],
            Logging = logging => logging.AddProvider(logs),
            Webhooks = webhooks =>
            {
                webhooks.Services.AddSingleton(runs);
                webhooks.AddWebhookHandler<PaymentsEvent, InboxEndpointConformance.CountRuns>();
            },
        });

        (int status, string answer, _) = await Events.PostAsync(host.Http, host.Endpoint, Events.Body("evt_replayed", DateTimeOffset.UtcNow.AddDays(-3)));
        (int freshStatus, _, _) = await Events.PostAsync(host.Http, host.Endpoint, Events.Body("evt_fresh", DateTimeOffset.UtcNow));

        Assert.Equal(200, status);
        Assert.Contains("older_than_window", answer, StringComparison.Ordinal);
        Assert.Equal(200, freshStatus);
        Assert.Equal(0, runs.Of("evt_replayed"));
        Assert.Equal(1, runs.Of("evt_fresh"));
        Assert.Contains(logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("evt_replayed", StringComparison.Ordinal) && line.Contains("deduplication window", StringComparison.Ordinal));
    }
}
