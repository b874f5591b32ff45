// Kept: Polyfill 11.4 has no HMACSHA256.HashData(key, source, destination) nor SHA256.HashSizeInBytes.
namespace System.Security.Cryptography
{
        internal static class CryptoPolyfills
    {
        extension(SHA256)
        {
            public static int HashSizeInBytes => 32;
        }

        extension(HMACSHA256)
        {
            public static int HashData(ReadOnlySpan<byte> key, ReadOnlySpan<byte> source, Span<byte> destination)
            {
                using HMACSHA256 hmac = new(key.ToArray());
                byte[] hash = hmac.ComputeHash(source.ToArray());
                hash.CopyTo(destination);
                return hash.Length;
            }
        }
    }
}
