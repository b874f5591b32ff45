using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payments.Client.Sample.Journal;
using Payments.Client.Sample.Steps;
using Payments.Client.Sample.Webhooks;
using Payments.Client.Testing;

namespace Payments.Client.Sample;

/// <summary>Wires the generic host, picks the API (the fake, or a configured one) and runs each step.</summary>
public static class SampleApp
{
    // A sample-only secret shared by the in-process fake and the local receiver; never a real one.
    private const string SampleWebhookSecret = "whsec_sample_only";

    /// <summary>Runs the sample.</summary>
    /// <param name="args">Command-line arguments, read as configuration.</param>
    /// <param name="output">Where the account of each step is written.</param>
    /// <param name="configuration">Extra configuration (tests); overrides the environment.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The process exit code: 0 when every step went as expected.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, IDictionary<string, string?>? configuration = null, CancellationToken cancellationToken = default)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        // The account below is the sample's output; framework chatter (host lifetime, HTTP logs) would bury it.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        IConfigurationSection payments = builder.Configuration.GetSection("Payments");
        bool external = !string.IsNullOrEmpty(payments["BaseAddress"]) && !string.IsNullOrEmpty(payments["ApiKey"]);
        await using FakePaymentsApi? fake = external
            ? null
            : await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { PendingDelay = TimeSpan.FromSeconds(1) }, cancellationToken);

        // With the fake, a local receiver gets its signed webhooks; a real API needs a public URL registered with it instead.
        var settled = new SettledCharges();
        await using WebhookReceiver? receiver = fake is null ? null : await WebhookReceiver.StartAsync(SampleWebhookSecret, settled, cancellationToken);
        if (fake is not null && receiver is not null)
        {
            fake.Webhooks.Register(receiver.Url, SampleWebhookSecret);
        }

        if (fake is null)
        {
            builder.Services.AddPaymentsClient(payments);
        }
        else
        {
            builder.Services.AddPaymentsClient(options =>
            {
                options.BaseAddress = fake.BaseAddress;
                options.ApiKey = fake.ApiKey;
            });
        }

        // The charge journal on SQLite, on a client of its own: its poller settles pending charges with no webhook.
        string journalFile = Path.Combine(Path.GetTempPath(), $"payments-sample-journal-{Guid.NewGuid():N}.db");
        var outcomes = new SampleOutcomes();
        builder.Services.AddSingleton(outcomes);
        builder.Services.AddSingleton<IChargeOutcomeHandler>(outcomes);
        IHttpClientBuilder journaled = fake is null
            ? builder.Services.AddPaymentsClient("journaled", payments)
            : builder.Services.AddPaymentsClient("journaled", options =>
            {
                options.BaseAddress = fake.BaseAddress;
                options.ApiKey = fake.ApiKey;
            });
        journaled.AddSqliteChargeJournal(journalFile, journal =>
        {
            // Shorter than the defaults (5 s, doubling to 1 min) so the sample ends in seconds.
            journal.RecoveryInterval = TimeSpan.FromMilliseconds(200);
            journal.FirstPollDelay = TimeSpan.FromMilliseconds(500);
            journal.MaxPollDelay = TimeSpan.FromSeconds(1);
        });

        var settings = new SampleSettings();
        builder.Configuration.GetSection("Sample").Bind(settings);

        using IHost host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            output.WriteLine("Payments.Client sample");
            output.WriteLine(fake is null
                ? $"Talking to the Payments API at {payments["BaseAddress"]}."
                : $"Talking to the in-process fake Payments API at {fake.BaseAddress} (set Payments__BaseAddress and Payments__ApiKey to use another).");

            var client = host.Services.GetRequiredService<IPaymentsClient>();
            ISampleStep[] steps =
            [
                new ChargeStep(client, settings),
                new DeclineStep(client, settings),
                new RateLimitStep(client, settings, fake),
                new PendingChargeStep(client, settings, receiver is null ? null : settled),
                new JournalStep(host.Services.GetRequiredService<IPaymentsClientFactory>().CreateClient("journaled"), outcomes, settings),
            ];

            bool allWell = true;
            for (int i = 0; i < steps.Length; i++)
            {
                string account;
                try
                {
                    account = await steps[i].RunAsync(cancellationToken);
                }
                catch (PaymentsException ex)
                {
                    allWell = false;
                    account = $"FAILED: {ex.GetType().Name}: {ex.Message}";
                }

                output.WriteLine($"{i + 1}. {steps[i].Title}: {account}");
                if (i == 0)
                {
                    // The Native AOT budget is measured here: process start to the first completed charge.
                    TimeSpan sinceStart = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
                    output.WriteLine($"   (first charge completed {sinceStart.TotalMilliseconds:0} ms after process start)");
                }
            }

            output.WriteLine(allWell ? "Sample completed." : "Sample failed.");
            return allWell ? 0 : 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string file in new[] { journalFile, journalFile + "-wal", journalFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
