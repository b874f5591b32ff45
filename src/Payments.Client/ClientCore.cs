using Microsoft.Extensions.Logging;
using Payments.Client.Pipeline;
using Polly;

namespace Payments.Client;

/// <summary>
/// Everything a client needs that does not change after it is built: a snapshot of the options and
/// the retry pipeline. Built once per options value and shared by every client made from it.
/// </summary>
internal sealed class ClientCore
{
    private static readonly string UserAgent = $"Payments.Client/{typeof(ClientCore).Assembly.GetName().Version?.ToString(3)} (.NET {Environment.Version.ToString(2)})";

    private readonly string _authorization;

    private ClientCore(PaymentsClientOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        Uri baseAddress = options.BaseAddress.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/");
        ChargeUri = new Uri(baseAddress, "payments/charge");
        ChargesBaseUri = new Uri(baseAddress, "payments/charges/");
        WireFormat = options.WireFormat;
        OverallTimeout = options.OverallTimeout;
        Time = time;
        Logger = loggerFactory.CreateLogger("Payments.Client");
        Pipeline = PipelineFactory.Create(options, time);
        _authorization = "Bearer " + options.ApiKey;
    }

    public Uri ChargeUri { get; }

    public Uri ChargesBaseUri { get; }

    public PaymentsWireFormat WireFormat { get; }

    public TimeSpan OverallTimeout { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public ResiliencePipeline<HttpAttempt> Pipeline { get; }

    public static ClientCore Create(PaymentsClientOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        PaymentsClientOptionsValidator.ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new ClientCore(options, time, loggerFactory);
    }

    public long Deadline() => Time.GetTimestamp() + (long)(OverallTimeout.TotalSeconds * Time.TimestampFrequency);

    /// <summary>A fresh request per attempt, carrying the call's one idempotency key.</summary>
    public HttpRequestMessage CreateRequest(CallState state)
    {
        var request = new HttpRequestMessage(state.Method, state.Uri);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (state.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", state.IdempotencyKey);
        }

        if (!state.Body.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(state.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }

        return request;
    }
}
