namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "The client's own rate limit paces a little under the documented limit".</summary>
public class PacingTests
{
    [Fact]
    public async Task A_fresh_client_with_default_limits_meets_no_429_from_a_server_enforcing_exactly_the_documented_bucket()
    {
        var time = new TestClock();
        var server = new DocumentedBucketServer(time);
        using var http = new HttpClient(server) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PaymentsClient(http, new PaymentsClientOptions { ApiKey = "sk_test_pacing_123" }, time);

        Task<ChargeResult>[] calls = Enumerable.Range(0, 256).Select(_ => Task.Run(() => client.ChargeAsync(TestClient.Request()))).ToArray();
        // About 10 s of fake time, moved token by token: each move goes exactly to the next caller's token, and only once
        // every unfinished caller is parked on its token wait (a caller still on its way to the bucket would otherwise
        // reserve its token at a later time than the one the server's bucket saw it asking at).
        ChargeResult[] results = await time.RunAsync(Task.WhenAll(calls), "256 callers paced through the client's bucket", calls);

        Assert.Equal(0, server.Rejected);
        Assert.Equal(256, server.Accepted);
        Assert.All(results, r => Assert.Equal(1, r.Attempts));
    }
}
