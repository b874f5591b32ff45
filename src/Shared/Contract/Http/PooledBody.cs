using System.Buffers;

namespace Payments.Client.Contract;

/// <summary>
/// A body read into pooled memory, at most a limit of it: the client's response bodies (1 MiB) and the webhook
/// endpoint's requests alike. The buffer grows with the bytes that actually arrive, never with a length the
/// other side declares, so a peer that sends headers and then nothing holds one small rental; past the limit
/// reading stops (<see cref="TooLarge"/>) and the rest is left to the connection. Disposing returns the buffer, once.
/// </summary>
internal readonly struct PooledBody : IDisposable
{
    private readonly ArrayPool<byte>? _pool;
    private readonly byte[]? _buffer;
    private readonly int _length;

    private PooledBody(ArrayPool<byte>? pool, byte[]? buffer, int length)
    {
        _pool = pool;
        _buffer = buffer;
        _length = length;
    }

    /// <summary>A body known to be over the limit before any of it was read (its declared length says so).</summary>
    public static PooledBody TooLargeUnread => new(null, null, -1);

    /// <summary>The body was larger than the limit; <see cref="Bytes"/> is empty.</summary>
    public bool TooLarge => _length < 0;

    public ReadOnlySpan<byte> Bytes => TooLarge || _buffer is null ? default : _buffer.AsSpan(0, _length);

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes of <paramref name="body"/>, starting with a rental of
    /// <paramref name="initialBytes"/>; the result says <see cref="TooLarge"/> as soon as the body proves larger.
    /// The caller disposes the result; on failure the buffer is returned here.
    /// </summary>
    public static async ValueTask<PooledBody> ReadAsync(Stream body, int limit, int initialBytes, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        byte[] buffer = pool.Rent(Math.Min(limit, Math.Max(1, initialBytes)));
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

                    buffer = Grow(pool, buffer, length, Math.Min(limit, buffer.Length * 2));
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

    public void Dispose()
    {
        if (_buffer is not null)
        {
            _pool!.Return(_buffer);
        }
    }

    private static byte[] Grow(ArrayPool<byte> pool, byte[] buffer, int length, int size)
    {
        byte[] larger = pool.Rent(size);
        buffer.AsSpan(0, length).CopyTo(larger);
        pool.Return(buffer);
        return larger;
    }
}
