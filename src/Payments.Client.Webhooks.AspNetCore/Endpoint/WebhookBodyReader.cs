using System.Buffers;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// The endpoint's body read: the contract's <see cref="PooledBody"/> with the endpoint's first rental size, from a
/// pool that is a constructor argument so tests can watch what is rented.
/// </summary>
internal sealed class WebhookBodyReader(ArrayPool<byte> pool)
{
    /// <summary>Holds any charge event in one rental; small enough that idle connections cost little.</summary>
    public const int InitialBufferBytes = 16 * 1024;

    /// <summary>Reads at most <paramref name="limit"/> bytes (see <see cref="PooledBody.ReadAsync"/>); the caller disposes the result.</summary>
    public ValueTask<PooledBody> ReadAsync(Stream body, int limit, CancellationToken cancellationToken) =>
        PooledBody.ReadAsync(body, limit, InitialBufferBytes, pool, cancellationToken);
}
