// Kept: no package has ReadOnlyMemoryContent, and Polyfill's Stream.ReadAsync leaves a pending .NET Framework network read running after cancellation.
using System.Collections;
using System.Runtime.InteropServices;

namespace System.Net.Http
{
    // .NET Core 2.1+: a request body over memory the caller owns.
    internal sealed class ReadOnlyMemoryContent(ReadOnlyMemory<byte> content) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            MemoryMarshal.TryGetArray(content, out ArraySegment<byte> segment)
                ? stream.WriteAsync(segment.Array!, segment.Offset, segment.Count)
                : stream.WriteAsync(content.ToArray(), 0, content.Length);

        protected override bool TryComputeLength(out long length)
        {
            length = content.Length;
            return true;
        }
    }
}

namespace System.IO
{
    internal static class StreamPolyfills
    {
        extension(Stream stream)
        {
            // .NET Framework's network streams may ignore the token once a read is pending, which would let a
            // stalled body outlive the attempt timeout; closing the stream on cancellation ends the read there
            // too, and it ends as cancellation, as it does on .NET 8.
            public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
                new(ReadCancellable(stream, buffer, cancellationToken));
        }

        private static async Task<int> ReadCancellable(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool direct = MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)buffer, out ArraySegment<byte> segment);
            if (!direct)
            {
                segment = new ArraySegment<byte>(new byte[buffer.Length]);
            }

            int read;
            using (cancellationToken.Register(static s => ((Stream)s!).Dispose(), stream))
            {
                try
                {
                    read = await stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
                {
                    throw new OperationCanceledException("The read was canceled.", ex, cancellationToken);
                }
            }

            if (!direct)
            {
                segment.AsSpan(0, read).CopyTo(buffer.Span);
            }

            return read;
        }
    }
}

namespace System.Net.Http.Headers
{
    // .NET 6+ reads headers without parsing them; the old API parses, which is only slower for our reads.
    internal static class HttpHeadersPolyfills
    {
        extension(HttpHeaders headers)
        {
            public HttpHeadersNonValidated NonValidated => new(headers);
        }
    }

    internal readonly struct HttpHeadersNonValidated(HttpHeaders headers)
    {
        public bool TryGetValues(string headerName, out HeaderStringValues values)
        {
            if (headers.TryGetValues(headerName, out IEnumerable<string>? found))
            {
                values = new HeaderStringValues(found);
                return true;
            }

            values = default;
            return false;
        }
    }

    internal readonly struct HeaderStringValues(IEnumerable<string>? values) : IEnumerable<string>
    {
        public IEnumerator<string> GetEnumerator() => (values ?? []).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
