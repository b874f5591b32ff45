using Microsoft.AspNetCore.Http;

namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// A body that grows the read buffer and then fails (a client resetting a chunked upload) must not hand a
/// pooled array back twice: two later rentals would then share it, and one request could read another's bytes.
/// </summary>
public class PooledBufferTests
{
    [Fact]
    public async Task A_body_that_fails_after_growing_the_buffer_returns_each_array_to_the_pool_once()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPaymentsWebhooks(o => o.Secrets.Add(Vectors.Current));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new FailingAfter(20_000); // no Content-Length: starts at 16 KiB, grows, then fails

        // Everything completes synchronously, so the pool's per-thread cache sees every return on this thread.
        Task handled = WebhookEndpoint.HandleAsync(context);
        Assert.True(handled.IsCompleted);
        await Assert.ThrowsAsync<IOException>(() => handled);

        byte[] first = ArrayPool<byte>.Shared.Rent(16 * 1024);
        byte[] second = ArrayPool<byte>.Shared.Rent(16 * 1024);
        Assert.NotSame(first, second);
        ArrayPool<byte>.Shared.Return(first);
        ArrayPool<byte>.Shared.Return(second);
    }

    private sealed class FailingAfter(int bytes) : Stream
    {
        private int _left = bytes;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left == 0)
            {
                throw new IOException("The client reset the connection.");
            }

            int n = Math.Min(_left, Math.Min(buffer.Length, 4096));
            buffer.Span[..n].Fill((byte)' ');
            _left -= n;
            return new(n);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
