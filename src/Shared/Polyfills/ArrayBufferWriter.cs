namespace System.Buffers
{
    // .NET Core 3.0+: a growable IBufferWriter over one array, for the request body writer.
    internal sealed class ArrayBufferWriter<T> : IBufferWriter<T>
    {
        private T[] _buffer;
        private int _written;

        public ArrayBufferWriter()
            : this(256)
        {
        }

        public ArrayBufferWriter(int initialCapacity)
        {
            _buffer = new T[Math.Max(1, initialCapacity)];
        }

        public ReadOnlyMemory<T> WrittenMemory => _buffer.AsMemory(0, _written);

        public int Capacity => _buffer.Length;

        public ReadOnlySpan<T> WrittenSpan => _buffer.AsSpan(0, _written);

        public int WrittenCount => _written;

        public void Clear()
        {
            _buffer.AsSpan(0, _written).Clear();
            _written = 0;
        }

        public void Advance(int count)
        {
            if (count < 0 || _written + count > _buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _written += count;
        }

        public Memory<T> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<T> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        private void Ensure(int sizeHint)
        {
            int needed = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written >= needed)
            {
                return;
            }

            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + needed));
        }
    }
}
