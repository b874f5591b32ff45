namespace Payments.Client.Tests.Edges.Support;

/// <summary>A non-seekable stream of <paramref name="length"/> copies of one byte: content of unknown length, as a chunked body is.</summary>
internal sealed class GeneratedStream(long length, byte fill) : Stream
{
    private long _left = length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public static HttpContent Chunked(long length, byte fill = (byte)' ') => new StreamContent(new GeneratedStream(length, fill));

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Min(count, _left);
        buffer.AsSpan(offset, n).Fill(fill);
        _left -= n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
