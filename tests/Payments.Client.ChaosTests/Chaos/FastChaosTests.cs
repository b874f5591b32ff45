using Xunit.Abstractions;

namespace Payments.Client.ChaosTests.Chaos;

/// <summary>The CI version of the soak: 2000 seeded charges through every fault, checked from the server's records.</summary>
public sealed class FastChaosTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2000, 42)]
    public async Task Under_random_faults_no_charge_doubles_no_call_is_lost_and_Retry_After_is_honoured(int count, int seed)
    {
        ChaosRun run = await ChaosDriver.RunAsync(new ChaosSettings(count, seed));
        output.WriteLine(ChaosFigures.Format(run));

        Assert.Empty(ChaosChecks.All(run));

        // The run must have exercised what it claims to: every fault kind, retries, and both 429 forms.
        string[] kinds = run.Requests.Select(ChaosFigures.FaultKind).Distinct().ToArray();
        Assert.Contains("drop", kinds);
        Assert.Contains("charge-then-fail 500", kinds);
        Assert.Contains("charge-then-drop", kinds);
        Assert.Contains("slow response", kinds);
        Assert.Contains("429 Retry-After seconds", kinds);
        Assert.Contains("429 Retry-After date", kinds);
        Assert.Contains(kinds, k => k.StartsWith("fail 50", StringComparison.Ordinal));

        // The Retry-After check judges the 429s the client read; it must have read both forms, or it checked nothing.
        RecordedRequest[] read429s = run.Requests.Where(r => RetryAfterSent.NotBefore(r) is not null && run.ClientRead(r)).ToArray();
        Assert.Contains(read429s, RetryAfterSent.IsDate);
        Assert.Contains(read429s, r => !RetryAfterSent.IsDate(r));
        Assert.True(run.Requests.Count > count * 1.3, $"only {run.Requests.Count} attempts for {count} charges: faults were not retried");
        Assert.True(run.Outcomes.Count(o => o.Succeeded) >= count * 0.85, "nearly every good-card charge should get through 10 attempts");
    }
}
