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

    internal static class HttpContentPolyfills
    {
        extension(HttpContent content)
        {
            // The old API takes no token; the caller's token still ends the body read that follows.
            public Task<Stream> ReadAsStreamAsync(CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return content.ReadAsStreamAsync();
            }
        }
    }
}

namespace System.IO
{
    internal static class StreamPolyfills
    {
        extension(Stream stream)
        {
            public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
            {
                if (MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)buffer, out ArraySegment<byte> segment))
                {
                    return new ValueTask<int>(stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
                }

                return ReadCopied(stream, buffer, cancellationToken);
            }
        }

        private static async ValueTask<int> ReadCopied(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            byte[] copy = new byte[buffer.Length];
            int read = await stream.ReadAsync(copy, 0, copy.Length, cancellationToken).ConfigureAwait(false);
            copy.AsSpan(0, read).CopyTo(buffer.Span);
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
