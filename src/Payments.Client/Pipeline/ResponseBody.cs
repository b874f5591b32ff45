using System.Buffers;

namespace Payments.Client.Pipeline;

/// <summary>
/// At most <see cref="MaxBytes"/> of a response body (README "Edges": oversized responses), in a pooled buffer
/// (the contract's <see cref="PooledBody"/>). Past the limit reading stops: the rest is discarded with the
/// response (the connection is dropped rather than drained).
/// </summary>
internal static class ResponseBody
{
    public const int MaxBytes = 1024 * 1024;

    // A body whose length is declared gets one rental of that size (+1, to see it end); otherwise 4 KiB that grows.
    public static ValueTask<PooledBody> ReadAsync(Stream stream, long? declared, CancellationToken cancellationToken) =>
        PooledBody.ReadAsync(stream, MaxBytes, declared is > 0 ? (int)declared + 1 : 4096, ArrayPool<byte>.Shared, cancellationToken);
}
