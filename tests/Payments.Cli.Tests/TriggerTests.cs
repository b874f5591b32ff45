namespace Payments.Cli.Tests;

public sealed class TriggerTests
{
    [Fact]
    public async Task A_signed_event_is_handled_then_its_redelivery_is_a_duplicate()
    {
        var merchant = new Merchant();
        await using WebhookTestHost receiver = await WebhookTestHost.StartAsync(merchant.App());
        string[] args = ["trigger", "charge.succeeded", "--forward-to", receiver.Endpoint.ToString(), "--secret", Merchant.Secret, "--event-id", "evt_twice", "--charge-id", "ch_1"];

        CliResult first = await Tool.RunAsync(args);
        CliResult second = await Tool.RunAsync(args);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Answer: 200", first.Out, StringComparison.Ordinal);
        Assert.Contains("{\"received\":true}", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("\"duplicate\":true", second.Out, StringComparison.Ordinal);
        Assert.Equal(1, merchant.Handled);
    }

    [Fact]
    public async Task Charge_failed_is_sent_in_the_contract_shape_and_handled()
    {
        var merchant = new Merchant();
        await using WebhookTestHost receiver = await WebhookTestHost.StartAsync(merchant.App());

        CliResult result = await Tool.RunAsync("trigger", "charge.failed", "--forward-to", receiver.Endpoint.ToString(), "--secret", Merchant.Secret, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal(200, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.GetProperty("delivered").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("retry_in_seconds").GetArrayLength());
        Assert.StartsWith("evt_", json.RootElement.GetProperty("event_id").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("sha256=", json.RootElement.GetProperty("signature").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, merchant.Handled);
    }

    [Fact]
    public async Task A_wrong_secret_shows_the_401_and_the_retries_the_sender_would_make()
    {
        var merchant = new Merchant();
        await using WebhookTestHost receiver = await WebhookTestHost.StartAsync(merchant.App());

        CliResult result = await Tool.RunAsync("trigger", "charge.succeeded", "--forward-to", receiver.Endpoint.ToString(), "--secret", "whsec_wrong");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Answer: 401", result.Out, StringComparison.Ordinal);
        Assert.Contains("SignatureMismatch", result.Out, StringComparison.Ordinal);
        Assert.Contains("retry the same bytes after 1, 2, 4, 8, 16 s (5 retries), each attempt timing out after 10 s", result.Out, StringComparison.Ordinal);
        Assert.Contains("answered 401", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, merchant.Handled);
    }

    [Fact]
    public async Task A_handler_failure_is_a_500_with_the_retry_schedule_in_json()
    {
        var merchant = new Merchant();
        await using WebhookTestHost receiver = await WebhookTestHost.StartAsync(merchant.App());

        CliResult result = await Tool.RunAsync("trigger", "charge.succeeded", "--forward-to", receiver.Endpoint.ToString(), "--secret", Merchant.Secret, "--charge-id", Merchant.FailingChargeId, "--json");

        Assert.Equal(1, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal(500, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(json.RootElement.GetProperty("delivered").GetBoolean());
        Assert.Equal([1.0, 2, 4, 8, 16], json.RootElement.GetProperty("retry_in_seconds").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public async Task Nobody_listening_is_one_line_with_the_retry_schedule()
    {
        Uri closed;
        await using (WebhookTestHost receiver = await WebhookTestHost.StartAsync(new Merchant().App()))
        {
            closed = receiver.Endpoint;
        }

        CliResult result = await Tool.RunAsync("trigger", "charge.succeeded", "--forward-to", closed.ToString(), "--secret", Merchant.Secret);

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains("could not deliver", line, StringComparison.Ordinal);
        Assert.Contains("1, 2, 4, 8, 16 s", line, StringComparison.Ordinal);
    }
}
