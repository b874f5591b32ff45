using Microsoft.Extensions.Time.Testing;
using Payments.Client.Tests.Edges.Support;
using Payments.Client.Tests.Support;

namespace Payments.Client.Tests.Edges;

/// <summary>Contract, Edges: "The client's own rate limit paces a little under the documented limit".</summary>
public class PacingTests
{
    [Fact]
    public async Task A_fresh_client_with_default_limits_meets_no_429_from_a_server_enforcing_exactly_the_documented_bucket()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 9, 14, 0, 0, TimeSpan.Zero));
        var server = new DocumentedBucketServer(time);
        using var http = new HttpClient(server) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new PaymentsClient(http, new PaymentsClientOptions { ApiKey = "sk_test_pacing_123" }, time);

        Task<ChargeResult[]> all = Task.WhenAll(Enumerable.Range(0, 256).Select(_ => Task.Run(() => client.ChargeAsync(TestClient.Request()))));
        ChargeResult[] results = await FakeClock.RunAsync(time, all, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(60));

        Assert.Equal(0, server.Rejected);
        Assert.Equal(256, server.Accepted);
        Assert.All(results, r => Assert.Equal(1, r.Attempts));
    }
}
