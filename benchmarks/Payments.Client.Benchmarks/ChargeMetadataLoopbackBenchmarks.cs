using BenchmarkDotNet.Attributes;

namespace Payments.Client.Benchmarks;

/// <summary>
/// Issue 13's side-by-side: a charge with two metadata pairs over loopback, the floor, the SDK three ways,
/// and Stripe.net against a Stripe-shaped endpoint on the same server; then 64 concurrent callers.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChargeMetadataLoopbackBenchmarks
{
    private const int Callers = 64;
    private const int CallsPerCaller = 8;
    private MetadataScenario _scenario = null!;

    [GlobalSetup]
    public async Task Setup() => _scenario = await MetadataScenario.StartAsync();

    [GlobalCleanup]
    public async Task Cleanup() => await _scenario.DisposeAsync();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("single")]
    public Task<BaselineCharge> Floor() => _scenario.FloorAsync();

    [Benchmark]
    [BenchmarkCategory("single")]
    public Task<ChargeResult> Sdk_ResilienceOff() => _scenario.BareAsync();

    [Benchmark]
    [BenchmarkCategory("single")]
    public Task<ChargeResult> Sdk_Defaults() => _scenario.DefaultsAsync();

    [Benchmark]
    [BenchmarkCategory("single")]
    public Task<ChargeResult> Sdk_ViaDI() => _scenario.DependencyInjectionAsync();

    [Benchmark]
    [BenchmarkCategory("single")]
    public Task<Stripe.Charge> StripeNet() => _scenario.StripeAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * CallsPerCaller)]
    [BenchmarkCategory("64-callers")]
    public Task Floor_64Callers() => Concurrently.Run(Callers, CallsPerCaller, _scenario.FloorAsync);

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller)]
    [BenchmarkCategory("64-callers")]
    public Task Sdk_Defaults_64Callers() => Concurrently.Run(Callers, CallsPerCaller, _scenario.DefaultsAsync);
}
