using System.Net.Http.Headers;
using Payments.Client.Serialization;

namespace Payments.Client.Pipeline;

/// <summary>
/// Classifies a response while the attempt's timeout still applies: where it came from, its status,
/// its <c>Retry-After</c> (parsed once) and at most 1 MiB of its body, decoded here so that nothing
/// holds on to the <see cref="HttpResponseMessage"/> or a pooled buffer after the attempt.
/// </summary>
internal sealed class ResponseReader
{
    private readonly ResponseDecoder _decoder;
    private readonly TimeProvider _time;

    public ResponseReader(ResponseDecoder decoder, TimeProvider time)
    {
        _decoder = decoder;
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

        long? declared = response.Content.Headers.ContentLength;
        using Stream? stream = declared > ResponseBody.MaxBytes ? null : await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using PooledBody body = stream is null ? PooledBody.TooLargeUnread : await ResponseBody.ReadAsync(stream, declared, cancellationToken).ConfigureAwait(false);
        if (status is < 300)
        {
            return body.TooLarge
                ? AttemptOutcome.Response(OutcomeKind.ResponseTooLarge, status, requestId)
                : _decoder.Decode(body.Bytes, status, requestId, IsReplay(response.Headers));
        }

        // An error status decides the kind and the retry even when the body is over the limit. Retry-After
        // is only read here: a success never waits.
        return AttemptOutcome.ApiError(status, body.TooLarge ? null : ErrorJsonReader.TryRead(body.Bytes), requestId, RetryAfterHeader.Read(response.Headers, _time));
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
