using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Payments.Client.Webhooks;

namespace Payments.Client.Benchmarks;

/// <summary>
/// Verify against one raw HMAC over the same bytes; verify+parse against the hand-written floor (HMAC,
/// constant-time compare, source-generated deserialize into a typed event).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory, BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class WebhookBenchmarks
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("whsec_benchmark_secret");
    private readonly byte[] _digest = new byte[32];
    private byte[] _body = null!;
    private string _signature = null!;
    private WebhookSignatureVerifier _verifier = null!;
    private PaymentsWebhookReceiver _receiver = null!;
    private HandWrittenWebhook _handWritten = null!;

    [Params(1024, 4096, 65536)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = Event(Size);
        _signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Secret, _body));
        _verifier = new WebhookSignatureVerifier(["whsec_benchmark_secret"]);
        _receiver = new PaymentsWebhookReceiver(["whsec_benchmark_secret"]);
        _handWritten = new HandWrittenWebhook(Secret);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("verify")]
    public int RawHmac() => HMACSHA256.HashData(Secret, _body, _digest);

    [Benchmark]
    [BenchmarkCategory("verify")]
    public bool Verify() => _verifier.IsValid(_body, _signature);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("verify+parse")]
    public BaselineEvent VerifyAndParse_HandWritten() => _handWritten.VerifyAndParse(_body, _signature);

    [Benchmark]
    [BenchmarkCategory("verify+parse")]
    public PaymentsEvent VerifyAndParse() => _receiver.VerifyAndParse(_body, _signature);

    /// <summary>A charge.succeeded event padded to <paramref name="size"/> bytes with a description, as a real one grows.</summary>
    private static byte[] Event(int size)
    {
        const string head = """{"id":"evt_9xK3mPq","type":"charge.succeeded","created_at":"2026-06-09T14:22:11Z","data":{"id":"ch_2kF8xLmN4qRs","status":"succeeded","amount":2500,"currency":"usd","customer_id":"f47ac10b-58cc-4372-a567-0e02b2c3d479","payment_method_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","created_at":"2026-06-09T14:22:08Z","failure_reason":null,"metadata":{"order_id":"ord_8v3kQ9"},"description":" """;
        const string tail = "\"}}";
        return Encoding.UTF8.GetBytes(head.TrimEnd() + new string('x', size - head.TrimEnd().Length - tail.Length) + tail);
    }
}
