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

    public static async Task<HttpAttempt> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var attempt = new HttpAttempt((int)response.StatusCode, ReadRequestId(response.Headers), ReadRetryAfter(response.Headers, time));
        try
        {
            await attempt.ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return attempt;
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

    private async Task ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        long? declared = content.Headers.ContentLength;
        if (declared > MaxBodyBytes)
        {
            throw new InvalidDataException($"The response body is {declared} bytes; at most {MaxBodyBytes} are read.");
        }

        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        _buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 ? (int)declared + 1 : 4096);
        while (true)
        {
            if (_length == _buffer.Length)
            {
                if (_buffer.Length >= MaxBodyBytes)
                {
                    throw new InvalidDataException($"The response body is larger than {MaxBodyBytes} bytes.");
                }

                byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            int read = await stream.ReadAsync(_buffer.AsMemory(_length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            _length += read;
        }
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
