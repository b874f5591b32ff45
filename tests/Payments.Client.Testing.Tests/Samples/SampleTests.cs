using Payments.Client.Sample;

namespace Payments.Client.Testing.Tests.Samples;

public sealed class SampleTests
{
    [Fact]
    public async Task With_no_configuration_the_sample_runs_every_step_on_the_fake_and_exits_0()
    {
        using var output = new StringWriter();

        int exitCode = await SampleApp.RunAsync([], output);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.True(exitCode == 0, output.ToString());
        Assert.Equal("Sample completed.", lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("1. Charge: 25.00 USD charged to cus_test_default: succeeded", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2. Decline: card_declined handled as CardDeclinedException, failure reason insufficient_funds", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("3. Rate limit: the API answered 429", StringComparison.Ordinal) && l.EndsWith("succeeded after 2 attempts.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("4. Pending charge: ", StringComparison.Ordinal) && l.Contains("by webhook: verified charge.succeeded", StringComparison.Ordinal) && l.EndsWith(": succeeded.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5. Charge journal: ", StringComparison.Ordinal) && l.Contains("answered pending; settled by poll", StringComparison.Ordinal) && l.EndsWith("Succeeded; outcome handler ran once.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_base_address_and_key_configured_the_sample_talks_to_that_api()
    {
        await using FakePaymentsApi elsewhere = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { PendingDelay = TimeSpan.FromMilliseconds(300) });
        using var output = new StringWriter();

        int exitCode = await SampleApp.RunAsync([], output, new Dictionary<string, string?>
        {
            ["Payments:BaseAddress"] = elsewhere.BaseAddress.AbsoluteUri,
            ["Payments:ApiKey"] = elsewhere.ApiKey,
        });

        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains($"Talking to the Payments API at {elsewhere.BaseAddress.AbsoluteUri}.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("3. Rate limit: skipped", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, elsewhere.Charges.Count); // the fourth is the charge journal step's
    }
}
