using System.Security.Cryptography;

namespace Payments.Client.Pipeline;

/// <summary>
/// Generates keys from a buffer of cryptographic randomness refilled 256 keys at a time: one 16-byte
/// <see cref="RandomNumberGenerator.Fill"/> costs about 0.8 us here, a 4 KiB one about 4 us, so the
/// buffer takes the generator off the charge's hot path. One per client; keys are not secrets, only unique.
/// </summary>
/// <remarks>
/// On Linux <see cref="RandomNumberGenerator"/> is OpenSSL, and loading it (libssl, libcrypto) took 4-28 ms
/// of a Native AOT process's first charge; filling the buffer on the thread pool at the first key still cost
/// that first charge 1-2 ms on 2 cores (the load competes with the charge for the CPU). So the first
/// <see cref="BridgeKeys"/> keys come from <see cref="Guid.NewGuid"/>, documented as the operating system's CSPRNG
/// (122 random bits; 64 of them from each of two GUIDs make a key's 128), and only then is the buffer filled, on the
/// thread pool, GUIDs bridging until it lands. A GUID costs a system call, too slow to be the only source for a
/// busy client, cheap for a process's first few charges.
/// </remarks>
internal sealed class IdempotencyKeyGenerator
{
    private const int KeyBytes = 16;

    /// <summary>Keys made from GUIDs before the buffer is first filled.</summary>
    private const int BridgeKeys = 32;
    private readonly object _gate = new();
    private byte[]? _random;
    private int _next;
    private bool _filling;
    private int _bridged;

    public string Create()
    {
        Span<byte> bytes = stackalloc byte[KeyBytes];
        lock (_gate)
        {
            if (_random is { } random)
            {
                if (_next > random.Length - KeyBytes)
                {
                    RandomNumberGenerator.Fill(random);
                    _next = 0;
                }

                random.AsSpan(_next, KeyBytes).CopyTo(bytes);
                random.AsSpan(_next, KeyBytes).Clear();
                _next += KeyBytes;
                return IdempotencyKeys.ToHex(bytes);
            }

            if (!_filling && ++_bridged > BridgeKeys)
            {
                _filling = true;
#if NET
                ThreadPool.UnsafeQueueUserWorkItem(static generator => generator.FillFirst(), this, preferLocal: false);
#else
                ThreadPool.UnsafeQueueUserWorkItem(static state => ((IdempotencyKeyGenerator)state!).FillFirst(), this);
#endif
            }
        }

        FromOperatingSystem(bytes);
        return IdempotencyKeys.ToHex(bytes);
    }

    /// <summary>128 random bits from two <see cref="Guid.NewGuid"/>: the 7 bytes before the version nibble and the 7 after the variant bits, 8 from each.</summary>
    internal static void FromOperatingSystem(Span<byte> key)
    {
        Span<byte> guid = stackalloc byte[16];
        for (int half = 0; half < 2; half++)
        {
            // TryWriteBytes lays out the version in byte 7's high nibble and the variant in byte 8's top bits.
#if NET
            Guid.NewGuid().TryWriteBytes(guid);
#else
            Guid.NewGuid().ToByteArray().CopyTo(guid);
#endif
            guid[..7].CopyTo(key[(half * 8)..]);
            key[(half * 8) + 7] = guid[9];
        }

        guid.Clear();
    }

    private void FillFirst()
    {
        var random = new byte[KeyBytes * 256];
        int next = 0;
        try
        {
            RandomNumberGenerator.Fill(random);
        }
        catch (CryptographicException)
        {
            // Not swallowed: the next key refills on the caller's thread and throws there, as before.
            next = int.MaxValue;
        }

        lock (_gate)
        {
            _random = random;
            _next = next;
        }
    }
}
