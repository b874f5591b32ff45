namespace System.Security.Cryptography
{
    // One-shot hashing and random fill (.NET 5+/6+) over the instance APIs every target has.
    internal static class CryptoPolyfills
    {
        extension(RandomNumberGenerator)
        {
            public static void Fill(Span<byte> data)
            {
                byte[] random = new byte[data.Length];
                using (RandomNumberGenerator generator = RandomNumberGenerator.Create())
                {
                    generator.GetBytes(random);
                }

                random.CopyTo(data);
            }
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

        extension(SHA256)
        {
            public static int HashSizeInBytes => 32;

            public static int HashData(ReadOnlySpan<byte> source, Span<byte> destination)
            {
                using SHA256 sha = SHA256.Create();
                byte[] hash = sha.ComputeHash(source.ToArray());
                hash.CopyTo(destination);
                return hash.Length;
            }
        }
    }

    // .NET Core 2.1+; signature comparison must not leak, through timing, how many leading bytes matched.
    internal static class CryptographicOperations
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
        public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
        {
            if (left.Length != right.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < left.Length; i++)
            {
                difference |= left[i] ^ right[i];
            }

            return difference == 0;
        }
    }
}
