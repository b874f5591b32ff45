using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Client.Pipeline;
using Payments.Client.Serialization;

namespace Payments.Client;

/// <summary>
/// The Payments API client. Thread-safe and immutable once built: create it once (or let
/// <c>AddPaymentsClient</c> do so) and share it.
/// </summary>
public sealed class PaymentsClient : IPaymentsClient
{
    private readonly HttpClient _http;
    private readonly ClientCore _core;
    private readonly ChargeJournal? _journal;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you own. Prefer <c>services.AddPaymentsClient(...)</c>,
    /// which also sets <see cref="HttpClient.Timeout"/> to infinite so that <see cref="PaymentsClientOptions.AttemptTimeout"/>
    /// and <see cref="PaymentsClientOptions.OverallTimeout"/> govern, and turns redirects off on the primary
    /// handler; do the same for a client you pass here (<c>new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })</c>).
    /// Either way, an answer that a handler fetched from another address is never taken for a charge.
    /// </summary>
    /// <param name="httpClient">The transport. Its <see cref="HttpClient.BaseAddress"/> is ignored; <see cref="PaymentsClientOptions.BaseAddress"/> is used.</param>
    /// <param name="options">The settings, read once and validated now.</param>
    /// <param name="timeProvider">The clock for backoff, <c>Retry-After</c> and timeouts; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Where to log; nothing is logged when null.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names each setting at fault.</exception>
    public PaymentsClient(HttpClient httpClient, PaymentsClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(httpClient, ClientCore.Create(options, timeProvider ?? TimeProvider.System, loggerFactory ?? NullLoggerFactory.Instance))
    {
    }

    internal PaymentsClient(HttpClient httpClient, ClientCore core, ChargeJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _core = core;
        _journal = journal;
    }

    /// <inheritdoc/>
    public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default)
    {
        ValidateRequest(request, _core.WireFormat);
        string idempotencyKey = request.IdempotencyKey ?? _core.Keys.Create();

        // Written once; every attempt sends fresh content over these same bytes.
        byte[] body = _core.Bodies.Write(request, idempotencyKey, _core.WireFormat);

        CallState call = _core.NewCall("charge", HttpMethod.Post, _core.ChargeUri, body, idempotencyKey, cancellationToken);
        return _journal is null
            ? _core.RunAsync(_http, call)
            : _journal.ChargeAsync(_core, _http, call, idempotencyKey, ChargeJournal.MerchantReferenceOf(request, idempotencyKey), body, cancellationToken);
    }

    /// <summary>A journaled intent sent again: the same key and the identical body bytes, so the API replays its first answer or makes the one charge.</summary>
    internal Task<ChargeResult> ResendAsync(string idempotencyKey, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        CallState call = _core.NewCall("charge", HttpMethod.Post, _core.ChargeUri, body, idempotencyKey, cancellationToken);
        return _core.RunAsync(_http, call);
    }

    /// <inheritdoc/>
    public Task<ChargeResult> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeId);
        if (chargeId is "." or "..")
        {
            // Escaping leaves dots alone, and a dot segment would resolve to another endpoint ("." to payments/charges/, ".." to payments/).
            throw new ArgumentException($"The charge id '{chargeId}' is not an id: it would address another endpoint.", nameof(chargeId));
        }

        var uri = new Uri(_core.ChargesBaseUri, Uri.EscapeDataString(chargeId));
        CallState call = _core.NewCall("get_charge", HttpMethod.Get, uri, ReadOnlyMemory<byte>.Empty, null, cancellationToken);
        return _core.RunAsync(_http, call);
    }

    /// <summary>The client's clock, so helpers such as <see cref="PaymentsClientExtensions.WaitForCompletionAsync(IPaymentsClient, string, TimeSpan, CancellationToken)"/> wait on it too.</summary>
    internal TimeProvider Time => _core.Time;

    private static void ValidateRequest(ChargeRequest request, PaymentsWireFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Amount, "ChargeRequest.Amount must be a positive number of minor units (2500 = 25.00 USD).");
        }

        if (string.IsNullOrWhiteSpace(request.Currency))
        {
            throw new ArgumentException("ChargeRequest.Currency is required (an ISO 4217 code such as \"usd\").", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.CustomerId))
        {
            throw new ArgumentException("ChargeRequest.CustomerId is required.", nameof(request));
        }

        if (format == PaymentsWireFormat.V1 && string.IsNullOrWhiteSpace(request.PaymentMethodId))
        {
            throw new ArgumentException("ChargeRequest.PaymentMethodId is required by the v1 wire format (only the enveloped format charges the customer's default payment method).", nameof(request));
        }

        if (request.IdempotencyKey is not null)
        {
            IdempotencyKeys.ThrowIfInvalid(request.IdempotencyKey);
        }

        // The request keeps its metadata as a ReadOnlyValueDictionary, checked through its struct enumerator (the
        // interface's would be boxed on every charge).
        bool hasNull = request.Metadata switch
        {
            null => false,
            ReadOnlyValueDictionary<string> values => HasNull(values),
            IReadOnlyDictionary<string, string> other => HasNull(other),
        };
        if (hasNull)
        {
            throw new ArgumentException("ChargeRequest.Metadata keys and values must not be null.", nameof(request));
        }
    }

    private static bool HasNull(ReadOnlyValueDictionary<string> metadata)
    {
        foreach (KeyValuePair<string, string> pair in metadata)
        {
            if (pair.Value is null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNull(IReadOnlyDictionary<string, string> metadata)
    {
        foreach (KeyValuePair<string, string> pair in metadata)
        {
            if (pair.Key is null || pair.Value is null)
            {
                return true;
            }
        }

        return false;
    }
}
