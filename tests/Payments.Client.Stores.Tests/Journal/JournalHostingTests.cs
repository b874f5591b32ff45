namespace Payments.Client.Stores.Tests.Journal;

/// <summary>
/// The registration line in an ASP.NET Core app with the webhook endpoint: the resolved client journals, the hosted
/// service runs the passes, and the endpoint's charge events settle the journal with no code of the merchant's.
/// Real sockets and the real clock (the fake's webhook delivery); each wait is bounded.
/// </summary>
public sealed class JournalHostingTests
{
    private const string Secret = "whsec_journal_hosting";

    [Fact]
    public async Task The_webhook_endpoint_settles_a_pending_charge_and_the_outcome_handler_runs_once()
    {
        using var file = new TempSqliteFile();
        await using FakePaymentsApi fake = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { PendingDelay = TimeSpan.FromMilliseconds(200) });
        var handled = new ConcurrentQueue<ChargeJournalEntry>();
        await using WebhookTestHost host = await WebhookTestHost.StartAsync(new WebhookTestHostOptions
        {
            Secrets = [Secret],
            Webhooks = webhooks =>
            {
                webhooks.Services.AddSingleton(handled);
                webhooks.Services.AddChargeOutcomeHandler<RecordingHandler>();
                webhooks.Services
                    .AddPaymentsClient(o =>
                    {
                        o.BaseAddress = fake.BaseAddress;
                        o.ApiKey = fake.ApiKey;
                    })
                    .AddSqliteChargeJournal(file.Path, o =>
                    {
                        o.RecoveryInterval = TimeSpan.FromMilliseconds(50);
                        o.FirstPollDelay = TimeSpan.FromMinutes(10); // so only the webhook can settle it here
                        o.MaxPollDelay = TimeSpan.FromMinutes(10);
                    });
            },
        });
        fake.Webhooks.Register(host.Endpoint, Secret);

        ChargeResult result = await host.Services.GetRequiredService<IPaymentsClient>().ChargeAsync(JournalRig.Order(TestPaymentMethods.PendingThenSucceeds, reference: "order-hosted"));
        Assert.Equal(ChargeStatus.Pending, result.Charge.Status);

        // Real time: the fake settles after 200 ms and delivers the webhook; the hosted service passes every 50 ms.
        await Eventually.WaitUntilAsync(() => !handled.IsEmpty, "the outcome handler to run for the webhook-settled charge");
        ChargeJournalEntry entry = Assert.Single(handled);
        Assert.Equal((ChargeJournalState.Succeeded, "webhook", "order-hosted"), (entry.State, entry.SettledBy, entry.MerchantReference));
        ChargeJournal journal = host.Services.GetRequiredService<ChargeJournal>();
        await Eventually.WaitUntilAsync(() => journal.FindAsync("order-hosted").Result.Single().OutcomeHandled, "the outcome to be recorded as handled");
        Assert.Single(handled);
    }

    private sealed class RecordingHandler(ConcurrentQueue<ChargeJournalEntry> handled) : IChargeOutcomeHandler
    {
        public Task HandleAsync(ChargeJournalEntry charge, CancellationToken cancellationToken)
        {
            handled.Enqueue(charge);
            return Task.CompletedTask;
        }
    }
}
