using System.Buffers;

namespace Payments.Client.Pipeline;

/// <summary>
/// At most <see cref="MaxBytes"/> of a response body, in a pooled buffer until <see cref="Dispose"/>.
/// Past the limit reading stops: the rest is discarded with the response (the connection is dropped
/// rather than drained), and <see cref="TooLarge"/> says so.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    public const int MaxBytes = 1024 * 1024;

    private byte[]? _buffer;
    private int _length;

    private ResponseBody()
    {
    }

    public bool TooLarge { get; private set; }

    public ReadOnlySpan<byte> Span => _buffer is null ? default : _buffer.AsSpan(0, _length);

    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var body = new ResponseBody();
        long? declared = content.Headers.ContentLength;
        if (declared > MaxBytes)
        {
            body.TooLarge = true;
            return body;
        }

        try
        {
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            byte[] buffer = body._buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 ? (int)declared + 1 : 4096);
            while (true)
            {
                if (body._length == MaxBytes)
                {
                    // Full at the limit: one more byte means over it.
                    body.TooLarge = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                    return body;
                }

                if (body._length == buffer.Length)
                {
                    buffer = body.Grow();
                }

                int read = await stream.ReadAsync(buffer.AsMemory(body._length, Math.Min(buffer.Length, MaxBytes) - body._length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return body;
                }

                body._length += read;
            }
        }
        catch
        {
            body.Dispose();
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
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(current.Length * 2, MaxBytes));
        current.AsSpan(0, _length).CopyTo(larger);
        _buffer = larger;
        ArrayPool<byte>.Shared.Return(current);
        return larger;
    }
}
