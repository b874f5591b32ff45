namespace System
{
    // Convert.ToHexString (.NET 5+): uppercase, two digits a byte, as the real one prints.
    internal static class ConvertPolyfills
    {
        extension(Convert)
        {
            public static string ToHexString(ReadOnlySpan<byte> bytes)
            {
                const string Digits = "0123456789ABCDEF";
                char[] chars = new char[bytes.Length * 2];
                for (int i = 0; i < bytes.Length; i++)
                {
                    chars[2 * i] = Digits[bytes[i] >> 4];
                    chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
                }

                return new string(chars);
            }
        }
    }
}
