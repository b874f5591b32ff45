using Payments.Cli.Commands;

namespace Payments.Cli.Tests;

public sealed class FakeTests
{
    [Fact]
    public async Task The_fake_prints_its_address_key_and_test_data_then_a_line_per_request_and_stops_on_cancel()
    {
        var output = new LineWriter();
        var error = new LineWriter();
        using var stop = new CancellationTokenSource();
        Task<int> run = Start(["fake", "--port", "0", "--api-key", "sk_test_cli"], output, error, stop.Token);

        Uri baseAddress = await ListeningAsync(output);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PaymentsClient(http, TestClientOptions.For(baseAddress, "sk_test_cli"));
        var request = new ChargeRequest { Amount = 2500, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds, IdempotencyKey = "order-9" };
        ChargeResult first = await client.ChargeAsync(request);
        ChargeResult again = await client.ChargeAsync(request);
        await output.WaitForLineAsync(l => l.Contains("replayed", StringComparison.Ordinal), Tool.Deadline, "for the replayed request");
        await stop.CancelAsync();
        int exit = await run.WaitAsync(Tool.Deadline);

        Assert.Equal(0, exit);
        Assert.Equal(first.Charge.Id, again.Charge.Id);
        IReadOnlyList<string> lines = output.Lines;
        Assert.Contains("  api key       sk_test_cli", lines);
        Assert.Contains(lines, l => l.StartsWith("  " + TestCustomers.Default, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  " + TestPaymentMethods.InsufficientFunds, StringComparison.Ordinal) && l.Contains("insufficient_funds", StringComparison.Ordinal));
        Assert.Contains("POST /v1/payments/charge -> 200  key=order-9", lines);
        Assert.Contains("POST /v1/payments/charge -> 200  key=order-9  replayed", lines);
        Assert.Equal("Stopped.", lines[^1]);
        Assert.Empty(error.Lines);
    }

    [Fact]
    public async Task The_fake_delivers_signed_webhooks_to_the_endpoint_and_prints_each_attempt()
    {
        var merchant = new Merchant();
        await using WebhookTestHost receiver = await WebhookTestHost.StartAsync(merchant.App());
        var output = new LineWriter();
        using var stop = new CancellationTokenSource();
        Task<int> run = Start(["fake", "--port", "0", "--webhook-url", receiver.Endpoint.ToString(), "--webhook-secret", Merchant.Secret, "--json"], output, new LineWriter(), stop.Token);

        using JsonDocument banner = JsonDocument.Parse(await output.WaitForLineAsync(l => l.Contains("\"listening\"", StringComparison.Ordinal), Tool.Deadline, "announcing the address"));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PaymentsClient(http, TestClientOptions.For(new Uri(banner.RootElement.GetProperty("base_address").GetString()!), banner.RootElement.GetProperty("api_key").GetString()!));
        ChargeResult charged = await client.ChargeAsync(new ChargeRequest { Amount = 2500, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds });
        using JsonDocument webhook = JsonDocument.Parse(await output.WaitForLineAsync(l => l.Contains("\"webhook\"", StringComparison.Ordinal), Tool.Deadline, "for the webhook attempt"));
        await stop.CancelAsync();
        await run.WaitAsync(Tool.Deadline);

        Assert.Equal("charge.succeeded", webhook.RootElement.GetProperty("type").GetString());
        Assert.Equal(200, webhook.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(1, merchant.Handled);
        Assert.Contains(output.Lines, l => l.Contains("\"request\"", StringComparison.Ordinal) && l.Contains(charged.IdempotencyKey!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_1()
    {
        await using FakePaymentsApi taken = await FakePaymentsApi.StartAsync();

        CliResult result = await Tool.RunAsync("fake", "--port", taken.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"cannot listen on 127.0.0.1:{taken.BaseAddress.Port}", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    internal static async Task<Uri> ListeningAsync(LineWriter output)
    {
        string line = await output.WaitForLineAsync(l => l.StartsWith(FakeCommand.ListeningPrefix, StringComparison.Ordinal), Tool.Deadline, "announcing the address");
        return new Uri(line[FakeCommand.ListeningPrefix.Length..].Split(' ')[0]);
    }

    private static Task<int> Start(string[] args, LineWriter output, LineWriter error, CancellationToken cancellationToken)
    {
        var console = new CliConsole(output, error, () => Stream.Null, _ => null);
        return Task.Run(() => PaymentsCli.RunAsync(args, console, handleSignals: false, cancellationToken), CancellationToken.None);
    }
}
