using System.Net.Http.Headers;
using System.Text.Json;
using Payments.Client.Serialization;

namespace Payments.Client.Pipeline;

/// <summary>
/// Classifies a response while the attempt's timeout still applies: where it came from, its status,
/// its <c>Retry-After</c> (parsed once) and at most 1 MiB of its body, decoded here so that nothing
/// holds on to the <see cref="HttpResponseMessage"/> or a pooled buffer after the attempt. A 2xx body becomes a
/// charge, or the error it really is: an envelope with <c>"success": false</c> is an error whatever else it holds,
/// a body that is not a charge is unreadable, and a live charge answering a test key is a configuration error.
/// </summary>
internal sealed class ResponseReader
{
    private readonly bool _testKey;
    private readonly TimeProvider _time;

    public ResponseReader(bool testKey, TimeProvider time)
    {
        _testKey = testKey;
        _time = time;
    }

    public async ValueTask<AttemptOutcome> ReadAsync(HttpResponseMessage response, CallState call, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        string? requestId = ReadRequestId(response.Headers);

        // A handler that followed a redirect (a hand-made HttpClient's default) answers from another
        // address; whatever that address said is not this call's answer.
        if (response.RequestMessage?.RequestUri is { } answeredBy && answeredBy != call.Uri)
        {
            return AttemptOutcome.Response(OutcomeKind.Redirected, status, requestId);
        }

        if (status is < 200 or (>= 300 and < 400) or > 599)
        {
            return AttemptOutcome.Response(OutcomeKind.UnexpectedStatus, status, requestId);
        }

        using ResponseBody body = await ResponseBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (status is < 300)
        {
            return body.TooLarge
                ? AttemptOutcome.Response(OutcomeKind.ResponseTooLarge, status, requestId)
                : Decode(body.Span, status, requestId, IsReplay(response.Headers));
        }

        // An error status decides the kind and the retry even when the body is over the limit. Retry-After
        // is only read here: a success never waits.
        return AttemptOutcome.ApiError(status, body.TooLarge ? null : ErrorJsonReader.TryRead(body.Span), requestId, RetryAfterHeader.Read(response.Headers, _time));
    }

    private AttemptOutcome Decode(ReadOnlySpan<byte> body, int status, string? requestId, bool replayed)
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

    /// <summary>Whether the API says it answered with the response it stored for the idempotency key.</summary>
    private static bool IsReplay(HttpResponseHeaders headers)
    {
        if (headers.NonValidated.TryGetValues("Idempotent-Replayed", out HeaderStringValues values))
        {
            foreach (string value in values)
            {
                return value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static string? ReadRequestId(HttpResponseHeaders headers)
    {
        foreach (string name in (ReadOnlySpan<string>)["Request-Id", "X-Request-Id"])
        {
            if (headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
            {
                foreach (string value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }
}
