namespace Payments.Client.ChaosTests.Chaos;

/// <summary>
/// Sits under the client on the wire and notes which responses the client read to their end: a 429 whose attempt
/// timed out before its answer was read is no Retry-After the client could honour. Each request gets an
/// <see cref="AttemptHeader"/>, which the fake records, so its record can be matched with what the client read.
/// </summary>
public sealed class ResponsesRead : DelegatingHandler
{
    public const string AttemptHeader = "X-Chaos-Attempt";

    private readonly ConcurrentDictionary<string, bool> _read = new(StringComparer.Ordinal);
    private long _next;

    public ResponsesRead()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>The <see cref="AttemptHeader"/> values of the responses the client read to their end.</summary>
    public IReadOnlySet<string> Attempts => _read.Keys.ToHashSet(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string attempt = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation(AttemptHeader, attempt);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.Content = new ObservedContent(response.Content, () => _read.TryAdd(attempt, true));
        return response;
    }

    /// <summary>The response body as it came, reporting once the reader reached its end.</summary>
    private sealed class ObservedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly Action _ended;

        public ObservedContent(HttpContent inner, Action ended)
        {
            _inner = inner;
            _ended = ended;
            foreach (KeyValuePair<string, IEnumerable<string>> header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new EndNotingStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _ended);

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class EndNotingStream(Stream inner, Action ended) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Noted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Noted(inner.Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Noted(int read)
        {
            if (read == 0)
            {
                ended();
            }

            return read;
        }
    }
}
