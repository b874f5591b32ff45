using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Benchmarks;

/// <summary>What a merchant sees: a real loopback Kestrel server, one call at a time and 64 at once.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChargeLoopbackBenchmarks
{
    private const int Callers = 64;
    private const int CallsPerCaller = 8;
    private LoopbackServer _server = null!;
    private ServiceProvider _services = null!;
    private IPaymentsClient _sharedClient = null!;
    private HandWrittenBaseline _baseline = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await LoopbackServer.StartAsync();
        _services = Clients.Sdk(_server.BaseAddress);
        _sharedClient = _services.GetRequiredService<IPaymentsClient>();
        _baseline = new HandWrittenBaseline(new HttpClient(), _server.BaseAddress);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("single")]
    public Task<BaselineCharge> HandWritten() => _baseline.ChargeAsync();

    [Benchmark]
    [BenchmarkCategory("single")]
    public Task<ChargeResult> Sdk() => _services.GetRequiredService<IPaymentsClient>().ChargeAsync(Clients.Request);

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * CallsPerCaller)]
    [BenchmarkCategory("64-callers")]
    public Task HandWritten_64Callers() => Concurrently(() => _baseline.ChargeAsync());

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    [BenchmarkCategory("64-callers")]
    public Task Sdk_64Callers() => Concurrently(() => _sharedClient.ChargeAsync(Clients.Request));

    private static Task Concurrently(Func<Task> call) => Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
    {
        for (int i = 0; i < CallsPerCaller; i++)
        {
            await call();
        }
    }));
}
