using System.Buffers;
using System.Net.Http.Headers;

namespace Payments.Client.Pipeline;

/// <summary>
/// What one HTTP attempt produced, read in full while the attempt's timeout still applied, so nothing
/// holds on to the <see cref="HttpResponseMessage"/> (Polly discards results between retries).
/// The body lives in a pooled buffer until <see cref="Dispose"/>.
/// </summary>
internal sealed class HttpAttempt : IDisposable
{
    private const int MaxBodyBytes = 1024 * 1024;
    private byte[]? _buffer;
    private int _length;

    private HttpAttempt(int statusCode, string? requestId, TimeSpan? retryAfter)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public string? RequestId { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    public ReadOnlySpan<byte> Body => _buffer is null ? default : _buffer.AsSpan(0, _length);

    /// <summary>Reads status, headers and the whole body (at most 1 MiB) into a pooled buffer.</summary>
    public static async ValueTask<HttpAttempt> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var attempt = new HttpAttempt((int)response.StatusCode, ReadRequestId(response.Headers), ReadRetryAfter(response.Headers, time));
        try
        {
            long? declared = response.Content.Headers.ContentLength;
            if (declared > MaxBodyBytes)
            {
                throw new InvalidDataException($"The response body is {declared} bytes; at most {MaxBodyBytes} are read.");
            }

            using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            byte[] buffer = attempt._buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 ? (int)declared + 1 : 4096);
            while (true)
            {
                if (attempt._length == buffer.Length)
                {
                    buffer = attempt.Grow();
                }

                int read = await stream.ReadAsync(buffer.AsMemory(attempt._length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return attempt;
                }

                attempt._length += read;
            }
        }
        catch
        {
            attempt.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private byte[] Grow()
    {
        byte[] current = _buffer!;
        if (current.Length >= MaxBodyBytes)
        {
            throw new InvalidDataException($"The response body is larger than {MaxBodyBytes} bytes.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(current.Length * 2);
        current.AsSpan(0, _length).CopyTo(larger);
        _buffer = larger;
        ArrayPool<byte>.Shared.Return(current);
        return larger;
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

    /// <summary>Delta-seconds or an HTTP-date (RFC 9110); a date in the past means "now".</summary>
    private static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider time)
    {
        RetryConditionHeaderValue? value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            TimeSpan wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
