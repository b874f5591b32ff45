using System.Buffers;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Reads a webhook body into pooled memory that grows with the bytes that actually arrive, never with the
/// length a request declares: a connection that sends headers and then nothing holds one small buffer.
/// The pool is a constructor argument so tests can watch what is rented.
/// </summary>
internal sealed class WebhookBodyReader(ArrayPool<byte> pool)
{
    /// <summary>Holds any charge event in one rental; small enough that idle connections cost little.</summary>
    public const int InitialBufferBytes = 16 * 1024;

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes; the result says <see cref="PooledBody.TooLarge"/> as soon as
    /// the body proves larger. The caller disposes the result; on failure the buffer is returned here, once.
    /// </summary>
    public async Task<PooledBody> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        byte[] buffer = pool.Rent(Math.Min(limit, InitialBufferBytes));
        try
        {
            int length = 0;
            while (true)
            {
                int capacity = Math.Min(buffer.Length, limit);
                if (length == capacity)
                {
                    if (capacity == limit)
                    {
                        // Full at the limit: one more byte makes it too large, without renting the next size up.
                        bool tooLarge = await body.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                        return new PooledBody(pool, buffer, tooLarge ? -1 : length);
                    }

                    buffer = Grow(buffer, length, Math.Min(limit, buffer.Length * 2));
                    capacity = Math.Min(buffer.Length, limit);
                }

                int read = await body.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBody(pool, buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }

    private byte[] Grow(byte[] buffer, int length, int size)
    {
        byte[] larger = pool.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        pool.Return(buffer);
        return larger;
    }
}

/// <summary>A body read into a pooled buffer; disposing returns the buffer.</summary>
internal readonly struct PooledBody(ArrayPool<byte> pool, byte[] buffer, int length) : IDisposable
{
    /// <summary>The body was larger than the limit; <see cref="Bytes"/> is empty.</summary>
    public bool TooLarge => length < 0;

    public ReadOnlySpan<byte> Bytes => TooLarge ? default : buffer.AsSpan(0, length);

    public void Dispose() => pool.Return(buffer);
}
