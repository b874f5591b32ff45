using Microsoft.AspNetCore.Http;
using Payments.Client.Testing.Charges;
using Payments.Client.Testing.Customers;
using Payments.Client.Testing.Idempotency;
using Payments.Client.Testing.Internal;
using Payments.Client.Testing.Rules;
using Payments.Client.Testing.Webhooks;

namespace Payments.Client.Testing.Http;

/// <summary><c>POST /v1/payments/charge</c>, in either wire format, idempotent per key.</summary>
internal sealed class ChargeEndpoint
{
    private const int MaxIdempotencyKeyLength = 255;

    private readonly CustomerDirectory _customers;
    private readonly ChargeLedger _ledger;
    private readonly IdempotencyStore _idempotency;
    private readonly PendingSettlement _settlement;
    private readonly WebhookDispatcher _webhooks;
    private readonly TimeProvider _time;

    public ChargeEndpoint(CustomerDirectory customers, ChargeLedger ledger, IdempotencyStore idempotency, PendingSettlement settlement, WebhookDispatcher webhooks, TimeProvider time)
    {
        _customers = customers;
        _ledger = ledger;
        _idempotency = idempotency;
        _settlement = settlement;
        _webhooks = webhooks;
        _time = time;
    }

    public async Task<ApiResponse> HandleAsync(HttpRequest http, byte[] body, CancellationToken cancellationToken)
    {
        if (!IsJson(http.ContentType))
        {
            return ApiResponse.Error(ApiErrors.UnsupportedMediaType());
        }

        ParsedChargeRequest request = ChargeRequestReader.Read(body, out var malformed);
        if (malformed is { } problem)
        {
            return ApiResponse.Error(ApiErrors.Malformed(problem.Message, problem.Param));
        }

        string? headerKey = http.Headers.TryGetValue("Idempotency-Key", out var values) ? values.ToString() : null;
        if (CheckKey(request, headerKey, out string? key) is { } keyError)
        {
            return ApiResponse.Error(keyError);
        }

        if (key is null)
        {
            return Execute(request, null);
        }

        // Requests with one key run one at a time: the second sees the first's stored answer.
        using IdempotencyStore.Lease lease = await _idempotency.LockAsync(key, cancellationToken).ConfigureAwait(false);
        string fingerprint = RequestFingerprint.Of(request);
        if (_idempotency.Find(key) is { } stored)
        {
            return stored.Fingerprint == fingerprint
                ? new ApiResponse(stored.Status, stored.Body) { Replayed = true }
                : ApiResponse.Error(ApiErrors.IdempotencyConflict(key));
        }

        ApiResponse response = Execute(request, key);

        // Like the real API, only requests that got as far as charging are remembered: a 400 can be fixed and resent with its key.
        if (response.Status is 200 or 402)
        {
            _idempotency.Save(key, new StoredResponse(fingerprint, response.Status, response.Body, _time.GetUtcNow()));
        }

        return response;
    }

    private static ApiError? CheckKey(ParsedChargeRequest request, string? headerKey, out string? key)
    {
        string? bodyKey = request.BodyIdempotencyKey;
        key = headerKey ?? bodyKey;
        if (headerKey is not null && bodyKey is not null && headerKey != bodyKey)
        {
            return ApiErrors.IdempotencyKey($"The Idempotency-Key header and the body's {WireNames.IdempotencyKey.V1} differ.");
        }

        if (key is null)
        {
            return request.Format == PaymentsWireFormat.V1 ? ApiErrors.IdempotencyKey($"'{WireNames.IdempotencyKey.V1}' is required.") : null;
        }

        if (key.Length is 0 or > MaxIdempotencyKeyLength)
        {
            return ApiErrors.IdempotencyKey($"The idempotency key is {key.Length} characters; it must be 1 to {MaxIdempotencyKeyLength}.");
        }

        return null;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private ApiResponse Execute(ParsedChargeRequest request, string? key)
    {
        if (ChargeRules.Check(request, _customers, out string methodId, out PaymentMethodBehavior behavior) is { } ruleError)
        {
            return ApiResponse.Error(ruleError);
        }

        DateTimeOffset now = _time.GetUtcNow();
        var charge = new FakeCharge
        {
            Id = Ids.New("ch_"),
            Status = behavior.Outcome switch
            {
                ChargeOutcome.Succeeds => ChargeStatus.Succeeded,
                ChargeOutcome.Declines => ChargeStatus.Failed,
                _ => ChargeStatus.Pending,
            },
            Amount = request.Amount!.Value,
            Currency = request.Currency!.ToLowerInvariant(),
            CustomerId = request.CustomerId!,
            PaymentMethodId = methodId,
            Description = request.Description,
            Metadata = (request.Metadata ?? new Dictionary<string, string>()).AsReadOnly(),
            FailureReason = behavior.Outcome == ChargeOutcome.Declines ? behavior.FailureReason : null,
            IdempotencyKey = key,
            WireFormat = request.Format,
            CreatedAt = now,
            UpdatedAt = now,
        };

        _ledger.Add(charge, behavior);
        if (charge.IsPending)
        {
            _settlement.Schedule(charge.Id);
        }
        else if (_webhooks.NotifyImmediateOutcomes)
        {
            _webhooks.Publish(charge);
        }

        return behavior.Outcome == ChargeOutcome.Declines
            ? ApiResponse.Error(ApiErrors.CardDeclined(behavior.FailureReason!, charge.Id))
            : new ApiResponse(200, ChargeJsonWriter.WriteResponse(charge.ToWire(charge.WireFormat), charge.WireFormat));
    }
}
