using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Payments.Client.Pipeline;
using Payments.Client.Serialization;
using Polly;
using Polly.Timeout;

namespace Payments.Client;

/// <summary>
/// The Payments API client. Thread-safe and immutable once built: create it once (or let
/// <c>AddPaymentsClient</c> do so) and share it.
/// </summary>
public sealed class PaymentsClient : IPaymentsClient
{
    private readonly HttpClient _http;
    private readonly ClientCore _core;

    /// <summary>
    /// Creates a client over an <see cref="HttpClient"/> you own. Prefer <c>services.AddPaymentsClient(...)</c>,
    /// which also sets <see cref="HttpClient.Timeout"/> to infinite so that <see cref="PaymentsClientOptions.AttemptTimeout"/>
    /// and <see cref="PaymentsClientOptions.OverallTimeout"/> govern; do the same for a client you pass here.
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

    internal PaymentsClient(HttpClient httpClient, ClientCore core)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _core = core;
    }

    /// <inheritdoc/>
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default)
    {
        ValidateRequest(request, _core.WireFormat);
        string idempotencyKey = request.IdempotencyKey ?? IdempotencyKeys.Create();

        var body = new ArrayBufferWriter<byte>(256);
        ChargeRequestWriter.Write(body, request, idempotencyKey, _core.WireFormat);

        var state = new CallState(HttpMethod.Post, _core.ChargeUri, body.WrittenMemory, idempotencyKey, _core.Deadline());
        using HttpAttempt attempt = await SendAsync(state, cancellationToken).ConfigureAwait(false);
        Charge charge = ReadCharge(attempt, state);
        return new ChargeResult(charge, idempotencyKey, attempt.RequestId, state.Attempts);
    }

    /// <inheritdoc/>
    public async Task<Charge> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeId);
        var uri = new Uri(_core.ChargesBaseUri, Uri.EscapeDataString(chargeId));
        var state = new CallState(HttpMethod.Get, uri, ReadOnlyMemory<byte>.Empty, null, _core.Deadline());
        using HttpAttempt attempt = await SendAsync(state, cancellationToken).ConfigureAwait(false);
        return ReadCharge(attempt, state);
    }

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

        if (request.Metadata is not null)
        {
            foreach (KeyValuePair<string, string> pair in request.Metadata)
            {
                if (pair.Key is null || pair.Value is null)
                {
                    throw new ArgumentException("ChargeRequest.Metadata keys and values must not be null.", nameof(request));
                }
            }
        }
    }

    private async Task<HttpAttempt> SendAsync(CallState state, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryRules.CallStateKey, state);
        try
        {
            Outcome<HttpAttempt> outcome = await _core.Pipeline.ExecuteOutcomeAsync(
                static (ctx, self) => self.SendOnceAsync(ctx),
                context,
                this).ConfigureAwait(false);
            outcome.ThrowIfException();
            HttpAttempt attempt = outcome.Result!;

            if (attempt.IsSuccess)
            {
                return attempt;
            }

            using (attempt)
            {
                throw ErrorFactory.FromResponse(attempt.StatusCode, ErrorJsonReader.TryRead(attempt.Body), attempt.RequestId, state.IdempotencyKey, attempt.RetryAfter, state.Attempts);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException ex)
        {
            string what = ex.Timeout == _core.OverallTimeout ? $"overall timeout of {ex.Timeout.TotalSeconds:0.###} s" : $"attempt timeout of {ex.Timeout.TotalSeconds:0.###} s";
            throw ErrorFactory.TimedOut(what, ex, state.IdempotencyKey, state.Attempts);
        }
        catch (OperationCanceledException ex)
        {
            // Not the caller's token: the HttpClient's own Timeout or a handler gave up.
            throw ErrorFactory.TimedOut("HttpClient's timeout", ex, state.IdempotencyKey, state.Attempts);
        }
        catch (HttpRequestException ex)
        {
            throw ErrorFactory.ConnectionFailed(ex, state.IdempotencyKey, state.Attempts);
        }
        catch (InvalidDataException ex)
        {
            throw ErrorFactory.UnreadableResponse(0, ex, null, state.IdempotencyKey, state.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Outcome<HttpAttempt>> SendOnceAsync(ResilienceContext context)
    {
        CallState state = context.Properties.GetValue(RetryRules.CallStateKey, null!);
        state.Attempts++;
        try
        {
            using HttpRequestMessage request = _core.CreateRequest(state);
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken).ConfigureAwait(false);
            return Outcome.FromResult(await HttpAttempt.ReadAsync(response, _core.Time, context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpAttempt>(ex);
        }
    }

    private static Charge ReadCharge(HttpAttempt attempt, CallState state)
    {
        try
        {
            return ChargeJsonReader.ReadResponse(attempt.Body);
        }
        catch (JsonException ex)
        {
            throw ErrorFactory.UnreadableResponse(attempt.StatusCode, ex, attempt.RequestId, state.IdempotencyKey, state.Attempts);
        }
    }
}
