using System.Text.Json;
using Payments.Client.Serialization;

namespace Payments.Client.Pipeline;

/// <summary>
/// Turns a 2xx body into a charge, or into the error it really is: an envelope with
/// <c>"success": false</c> is an error whatever else it holds, a body that is not a charge is
/// unreadable, and a live charge answering a test key is a configuration error.
/// </summary>
internal sealed class ResponseDecoder
{
    private readonly bool _testKey;

    public ResponseDecoder(bool testKey)
    {
        _testKey = testKey;
    }

    public AttemptOutcome Decode(ReadOnlySpan<byte> body, int status, string? requestId, bool replayed)
    {
        Charge charge;
        try
        {
            charge = ChargeJsonReader.ReadResponse(body);
        }
        catch (JsonException ex)
        {
            // Not a charge: an error body (its code decides the kind, and is kept), or unreadable.
            return ErrorJsonReader.TryRead(body) is { } error
                ? AttemptOutcome.ApiError(status, error, requestId, retryAfter: null)
                : AttemptOutcome.Response(OutcomeKind.UnreadableResponse, status, requestId, ex);
        }

        // A test key never moves real money: a live charge in answer means the base address is not the
        // environment the key belongs to. Reported, never passed off as an ordinary success.
        return _testKey && charge.Livemode == true
            ? AttemptOutcome.Response(OutcomeKind.LivemodeMismatch, status, requestId, charge: charge)
            : AttemptOutcome.Success(charge, status, requestId, replayed);
    }
}
