namespace Payments.Cli.Tests;

/// <summary><c>payments journal list|show|recover</c> on an app's SQLite journal, against the fake API.</summary>
public sealed class JournalCommandTests
{
    [Fact]
    public async Task An_operator_lists_shows_and_recovers_the_journal_after_an_incident()
    {
        using var file = new TempSqliteFile("journal.db");
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        var journal = new ChargeJournal(new SqliteChargeJournalStore(file.Path), new ChargeJournalOptions { FirstResendDelay = TimeSpan.FromMilliseconds(1) });
        using var http = new HttpClient();
        PaymentsClient client = journal.CreateClient(http, TestClientOptions.For(api.BaseAddress, api.ApiKey, maxAttempts: 1));
        await client.ChargeAsync(Order("order-1", TestPaymentMethods.Succeeds));
        await Assert.ThrowsAsync<CardDeclinedException>(() => client.ChargeAsync(Order("order-2", TestPaymentMethods.InsufficientFunds)));
        api.Faults.ChargeThenDrop(); // the incident: charged, and the answer lost
        await Assert.ThrowsAnyAsync<ConnectionFailedException>(() => client.ChargeAsync(Order("order-3", TestPaymentMethods.Succeeds)));

        CliResult all = await Tool.RunAsync(["journal", "list", "--sqlite", file.Path, "--state", "all", "--json"]);
        CliResult unresolved = await Tool.RunAsync(["journal", "list", "--sqlite", file.Path]);
        CliResult shown = await Tool.RunAsync(["journal", "show", "order-2", "--sqlite", file.Path]);
        CliResult recovered = await Tool.RunAsync(["journal", "recover", "--sqlite", file.Path, "--json"], Env(api));
        CliResult after = await Tool.RunAsync(["journal", "list", "--sqlite", file.Path]);

        Assert.True(all.ExitCode == 0, all.ToString());
        using JsonDocument entries = JsonDocument.Parse(all.Out);
        Assert.Equal(["failed", "intent", "succeeded"], entries.RootElement.EnumerateArray().Select(e => e.GetProperty("state").GetString()!).Order().ToArray());
        Assert.DoesNotContain("pm_test", all.Out, StringComparison.Ordinal); // the body is never printed
        Assert.Contains("order-3  intent", Assert.Single(unresolved.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("order-2  failed", shown.Out, StringComparison.Ordinal);
        Assert.Contains("insufficient_funds", shown.Out, StringComparison.Ordinal);
        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        using JsonDocument pass = JsonDocument.Parse(recovered.Out);
        Assert.Equal(1, pass.RootElement.GetProperty("resent").GetInt32());
        Assert.Equal(1, pass.RootElement.GetProperty("replayed").GetInt32());
        Assert.Equal("no journaled charges", after.Out.Trim());
        Assert.Equal(2, api.Charges.Count(c => c.Status == ChargeStatus.Succeeded));
    }

    [Fact]
    public async Task Bad_journal_arguments_exit_2_with_one_line()
    {
        CliResult neither = await Tool.RunAsync("journal", "list");
        CliResult missing = await Tool.RunAsync("journal", "show", "x", "--sqlite", "/no/such/journal.db");
        CliResult noApi = await Tool.RunAsync("journal", "recover", "--postgres", "Host=127.0.0.1;Password=hunter2");

        Assert.Equal((2, 2, 2), (neither.ExitCode, missing.ExitCode, noApi.ExitCode));
        Assert.Contains("exactly one of --sqlite PATH or --postgres", Assert.Single(neither.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("no journal file at '/no/such/journal.db'", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("set PAYMENTS_BASE_ADDRESS", Assert.Single(noApi.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", noApi.Error, StringComparison.Ordinal);
    }

    private static ChargeRequest Order(string reference, string paymentMethod) => new()
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = TestCustomers.Default,
        PaymentMethodId = paymentMethod,
        Metadata = new Dictionary<string, string> { [ChargeJournal.MerchantReferenceKey] = reference },
    };

    private static Dictionary<string, string> Env(FakePaymentsApi api) => new()
    {
        ["PAYMENTS_BASE_ADDRESS"] = api.BaseAddress.ToString(),
        ["PAYMENTS_API_KEY"] = api.ApiKey,
    };
}
