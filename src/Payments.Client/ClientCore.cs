using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Payments.Client.Diagnostics;
using Payments.Client.Pipeline;
using Payments.Client.Serialization;

namespace Payments.Client;

/// <summary>
/// Everything a client needs that does not change after it is built: a snapshot of the options and the
/// stages of a call (<see cref="RequestBuilder"/> builds each attempt, <see cref="ResponseReader"/> classifies
/// its answer, <see cref="CallRunner"/> runs the call through the
/// pipeline). Built once per options value and shared by every client made from it, so the rate limit
/// and circuit breaker are shared too.
/// </summary>
internal sealed class ClientCore
{
    private readonly CallRunner _runner;

    private ClientCore(PaymentsClientOptions options, TimeProvider time, ILoggerFactory loggerFactory, IMeterFactory? meterFactory, Func<double>? jitter)
    {
        Uri baseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
        ChargeUri = new Uri(baseAddress, "payments/charge");
        ChargesBaseUri = new Uri(baseAddress, "payments/charges/");
        WireFormat = options.WireFormat;
        OverallTimeout = options.OverallTimeout;
        Time = time;
        ILogger logger = loggerFactory.CreateLogger("Payments.Client");
        var telemetry = new PaymentsTelemetry(meterFactory);
        var reader = new ResponseReader(KeyMode.IsTest(options.ApiKey!), time);
        var sender = new AttemptSender(new RequestBuilder(options.ApiKey!), reader, options.AttemptTimeout, time, telemetry);
        _runner = new CallRunner(PipelineFactory.Create(options, time, telemetry, logger, jitter), sender, telemetry, logger, time, options.AttemptTimeout, options.OverallTimeout);
    }

    public Uri ChargeUri { get; }

    public Uri ChargesBaseUri { get; }

    public PaymentsWireFormat WireFormat { get; }

    public TimeSpan OverallTimeout { get; }

    public TimeProvider Time { get; }

    public IdempotencyKeyGenerator Keys { get; } = new();

    public ChargeBodyWriter Bodies { get; } = new();

    // jitter: the retry jitter's source (a value in [0, 1) per retry); null is Polly's shared generator. Tests pin it to assert exact delays.
    public static ClientCore Create(PaymentsClientOptions options, TimeProvider time, ILoggerFactory loggerFactory, IMeterFactory? meterFactory = null, Func<double>? jitter = null)
    {
        PaymentsClientOptionsValidator.ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new ClientCore(options, time, loggerFactory, meterFactory, jitter);
    }

    public CallState NewCall(string operation, HttpMethod method, Uri uri, ReadOnlyMemory<byte> body, string? idempotencyKey, CancellationToken cancellationToken) =>
        new(operation, method, uri, body, idempotencyKey, Time.GetTimestamp() + (long)(OverallTimeout.TotalSeconds * Time.TimestampFrequency), cancellationToken);

    /// <summary>Runs one call; see <see cref="CallRunner"/>.</summary>
    public Task<ChargeResult> RunAsync(HttpClient http, CallState call) => _runner.RunAsync(http, call);
}
