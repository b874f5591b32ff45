using System.Buffers;
using System.Text.Json;

namespace Payments.Client.Serialization;

/// <summary>
/// Writes a charge body into a scratch buffer and writer this client reuses, and hands back an exact-size
/// copy the call owns. The copy is never pooled: a message handler may still hold the request's content
/// after an attempt ends, and a pooled array could then carry another call's body. One per client.
/// </summary>
internal sealed class ChargeBodyWriter
{
    // A scratch buffer that grew past this (huge metadata) is dropped rather than kept for the client's life.
    private const int MaxKeptBytes = 16 * 1024;

    // One spare is enough: writing is synchronous and takes microseconds, so concurrent callers rarely meet;
    // when they do, the loser writes with a scratch of its own.
    private Scratch? _spare;

    public byte[] Write(ChargeRequest request, string idempotencyKey, PaymentsWireFormat format)
    {
        Scratch scratch = Interlocked.Exchange(ref _spare, null) ?? new Scratch();
        try
        {
            ChargeRequestWriter.Write(scratch.Writer, request, idempotencyKey, format);
            return scratch.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            scratch.Reset();
            if (scratch.Buffer.Capacity <= MaxKeptBytes)
            {
                Volatile.Write(ref _spare, scratch);
            }
        }
    }

    private sealed class Scratch
    {
        public Scratch()
        {
            Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { SkipValidation = true });
        }

        public ArrayBufferWriter<byte> Buffer { get; } = new(512);

        public Utf8JsonWriter Writer { get; }

        public void Reset()
        {
            // Nothing of one body may reach the next: the writer drops what it had not flushed, the buffer is cleared.
            Writer.Reset(Buffer);
            Buffer.Clear();
        }
    }
}
