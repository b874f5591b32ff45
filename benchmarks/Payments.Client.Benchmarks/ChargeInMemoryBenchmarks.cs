using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Benchmarks;

/// <summary>The SDK's own cost per charge: no socket, the same canned answer for both.</summary>
[MemoryDiagnoser]
public class ChargeInMemoryBenchmarks
{
    private static readonly Uri BaseAddress = new("https://api.example.com/v1/");
    private ServiceProvider _services = null!;
    private HandWrittenBaseline _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Clients.Sdk(BaseAddress, () => new InMemoryHandler(_ => InMemoryHandler.Json(HttpStatusCode.OK, CannedApi.Charge)));
        _baseline = new HandWrittenBaseline(new HttpClient(new InMemoryHandler(_ => InMemoryHandler.Json(HttpStatusCode.OK, CannedApi.Charge))), BaseAddress);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public Task<BaselineCharge> HandWritten() => _baseline.ChargeAsync();

    [Benchmark]
    public Task<ChargeResult> Sdk() => _services.GetRequiredService<IPaymentsClient>().ChargeAsync(Clients.Request);
}
