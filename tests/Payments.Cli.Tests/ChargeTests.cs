namespace Payments.Cli.Tests;

public sealed class ChargeTests
{
    [Fact]
    public async Task A_charge_against_the_configured_api_prints_the_charge_and_its_key()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        CliResult result = await Tool.RunAsync([.. Charge(), "--idempotency-key", "order-1"], Env(api));

        Assert.True(result.ExitCode == 0, result.ToString());
        FakeCharge charge = Assert.Single(api.Charges);
        Assert.Contains($"Charge {charge.Id}: succeeded", result.Out, StringComparison.Ordinal);
        Assert.Contains("25.00 usd (2500 minor units)", result.Out, StringComparison.Ordinal);
        Assert.Contains("idempotency key  order-1", result.Out, StringComparison.Ordinal);
        Assert.Equal("order-1", charge.IdempotencyKey);
    }

    [Fact]
    public async Task Json_output_has_the_charge_the_key_and_the_attempts()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        CliResult result = await Tool.RunAsync([.. Charge(), "--json"], Env(api));

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement charge = json.RootElement.GetProperty("charge");
        Assert.Equal(Assert.Single(api.Charges).Id, charge.GetProperty("id").GetString());
        Assert.Equal("succeeded", charge.GetProperty("status").GetString());
        Assert.Equal(2500, charge.GetProperty("amount").GetInt64());
        Assert.Equal(api.Charges[0].IdempotencyKey, json.RootElement.GetProperty("idempotency_key").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task A_decline_exits_1_with_the_typed_error_and_its_key_on_one_line()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        CliResult result = await Tool.RunAsync([.. Charge("25", TestPaymentMethods.InsufficientFunds), "--idempotency-key", "order-2"], Env(api));

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains("CardDeclinedException, HTTP 402 card_declined (insufficient_funds)", line, StringComparison.Ordinal);
        Assert.Contains("idempotency key order-2", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task A_decline_in_json_is_an_error_object_on_stdout()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        CliResult result = await Tool.RunAsync([.. Charge("25", TestPaymentMethods.LostCard), "--idempotency-key", "order-3", "--json"], Env(api));

        Assert.Equal(1, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement error = json.RootElement.GetProperty("error");
        Assert.Equal("CardDeclinedException", error.GetProperty("kind").GetString());
        Assert.Equal(402, error.GetProperty("status").GetInt32());
        Assert.Equal("card_declined", error.GetProperty("code").GetString());
        Assert.Equal("lost_card", error.GetProperty("failure_reason").GetString());
        Assert.Equal("order-3", error.GetProperty("idempotency_key").GetString());
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task A_retry_shows_progress_on_stderr_and_reuses_the_key()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        // Retry-After: 0 makes the client retry at once: progress without a real wait.
        api.Faults.RateLimitNext(TimeSpan.Zero);
        CliResult result = await Tool.RunAsync([.. Charge(), "--idempotency-key", "order-4"], Env(api));

        Assert.True(result.ExitCode == 0, result.ToString());
        string progress = Assert.Single(result.ErrorLines);
        Assert.Contains("attempt 1 failed", progress, StringComparison.Ordinal);
        Assert.Contains("order-4", progress, StringComparison.Ordinal);
        Assert.Contains("attempts         2", result.Out, StringComparison.Ordinal);
        Assert.All(api.Requests, r => Assert.Equal("order-4", r.IdempotencyKey));
        Assert.DoesNotContain(api.ApiKey, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_base_address_it_charges_an_in_process_fake()
    {
        CliResult result = await Tool.RunAsync(Charge());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(": succeeded", result.Out, StringComparison.Ordinal);
        Assert.Contains("an in-process fake: PAYMENTS_BASE_ADDRESS is not set", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_address_without_a_key_exits_2()
    {
        CliResult result = await Tool.RunAsync(Charge(), new Dictionary<string, string> { ["PAYMENTS_BASE_ADDRESS"] = "http://127.0.0.1:1/v1/" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PAYMENTS_API_KEY is not", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_the_currency_cannot_hold_exits_2()
    {
        CliResult result = await Tool.RunAsync(Charge("25.001"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("payments: --amount:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_amount_is_read_with_a_dot_whatever_the_machines_culture()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        CultureInfo culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // the dot groups thousands, the comma is decimal
        try
        {
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
            CliResult charged = await Tool.RunAsync(Charge("25.50"), Env(api));
            CliResult comma = await Tool.RunAsync(Charge("25,50"), Env(api));

            Assert.True(charged.ExitCode == 0, charged.ToString());
            Assert.Equal(2550, Assert.Single(api.Charges).Amount);
            Assert.Equal(2, comma.ExitCode);
            Assert.StartsWith("payments: --amount: 25,50 is not an amount", Assert.Single(comma.ErrorLines), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    public async Task A_refused_amount_is_one_line_naming_the_option_and_the_value_as_typed(string amount)
    {
        CliResult result = await Tool.RunAsync(Charge(amount));

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"payments: --amount: {amount} ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("request", line, StringComparison.Ordinal);
        Assert.DoesNotContain(amount + "00", line, StringComparison.Ordinal); // minor units ("-500" for "-5") are not what was typed
    }

    [Fact]
    public async Task Get_reads_a_charge_back_and_an_unknown_one_is_a_typed_404()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        await Tool.RunAsync(Charge(), Env(api));
        string id = Assert.Single(api.Charges).Id;

        CliResult found = await Tool.RunAsync(["get", id, "--json"], Env(api));
        CliResult missing = await Tool.RunAsync(["get", "ch_missing"], Env(api));

        Assert.True(found.ExitCode == 0, found.ToString());
        using JsonDocument json = JsonDocument.Parse(found.Out);
        Assert.Equal(id, json.RootElement.GetProperty("charge").GetProperty("id").GetString());
        Assert.False(json.RootElement.TryGetProperty("idempotency_key", out _));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("request_id").GetString()), "a read reports its request id");
        Assert.Equal(1, json.RootElement.GetProperty("attempts").GetInt32());
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("NotFoundException, HTTP 404 charge_not_found", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
    }

    private static string[] Charge(string amount = "25.00", string paymentMethod = TestPaymentMethods.Succeeds) =>
        ["charge", "--amount", amount, "--currency", "usd", "--customer", TestCustomers.Default, "--payment-method", paymentMethod];

    private static Dictionary<string, string> Env(FakePaymentsApi api) => new()
    {
        ["PAYMENTS_BASE_ADDRESS"] = api.BaseAddress.ToString(),
        ["PAYMENTS_API_KEY"] = api.ApiKey,
    };
}
