using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Benchmarks;

/// <summary>The error paths merchants hit in production: a decline, and a 429 then 200 with <c>Retry-After: 0</c>.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ErrorPathBenchmarks
{
    private static readonly Uri BaseAddress = new("https://api.example.com/v1/");
    private ServiceProvider _declineSdk = null!;
    private ServiceProvider _retrySdk = null!;
    private HandWrittenBaseline _declineBaseline = null!;
    private HandWrittenBaseline _retryBaseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _declineSdk = Clients.Sdk(BaseAddress, () => new InMemoryHandler(_ => InMemoryHandler.Json(HttpStatusCode.PaymentRequired, CannedApi.Decline)));
        _declineBaseline = new HandWrittenBaseline(new HttpClient(new InMemoryHandler(_ => InMemoryHandler.Json(HttpStatusCode.PaymentRequired, CannedApi.Decline))), BaseAddress);
        _retrySdk = Clients.Sdk(BaseAddress, () => new InMemoryHandler(RateLimitedEveryOtherRequest()));
        _retryBaseline = new HandWrittenBaseline(new HttpClient(new InMemoryHandler(RateLimitedEveryOtherRequest())), BaseAddress);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _declineSdk.Dispose();
        _retrySdk.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("decline")]
    public async Task<int> Decline_HandWritten()
    {
        try
        {
            await _declineBaseline.ChargeAsync();
            return 0;
        }
        catch (BaselineException e)
        {
            return e.Status;
        }
    }

    [Benchmark]
    [BenchmarkCategory("decline")]
    public async Task<int> Decline_Sdk()
    {
        try
        {
            await _declineSdk.GetRequiredService<IPaymentsClient>().ChargeAsync(Clients.Request);
            return 0;
        }
        catch (CardDeclinedException e)
        {
            return e.StatusCode;
        }
    }

    /// <summary>The hand-written retry a careful merchant would write: same key, honour Retry-After.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("429-then-200")]
    public async Task<BaselineCharge> RateLimitedThenOk_HandWritten()
    {
        while (true)
        {
            try
            {
                return await _retryBaseline.ChargeAsync();
            }
            catch (BaselineException e) when (e.Status == 429)
            {
                await Task.Delay(0);
            }
        }
    }

    [Benchmark]
    [BenchmarkCategory("429-then-200")]
    public Task<ChargeResult> RateLimitedThenOk_Sdk() => _retrySdk.GetRequiredService<IPaymentsClient>().ChargeAsync(Clients.Request);

    private static Func<HttpRequestMessage, HttpResponseMessage> RateLimitedEveryOtherRequest()
    {
        int count = 0;
        return _ =>
        {
            if (Interlocked.Increment(ref count) % 2 == 1)
            {
                HttpResponseMessage limited = InMemoryHandler.Json(HttpStatusCode.TooManyRequests, CannedApi.RateLimited);
                limited.Headers.TryAddWithoutValidation("Retry-After", "0");
                return limited;
            }

            return InMemoryHandler.Json(HttpStatusCode.OK, CannedApi.Charge);
        };
    }
}
