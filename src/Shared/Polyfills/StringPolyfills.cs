using System.Buffers;

namespace System
{
    // Span and char overloads that netstandard2.0 strings and encodings lack; same results, more copies.
    internal static class StringPolyfills
    {
        extension(string)
        {
            public static string Create<TState>(int length, TState state, SpanAction<char, TState> action)
            {
                char[] chars = new char[length];
                action(chars, state);
                return new string(chars);
            }
        }

        extension(string text)
        {
            public bool Contains(char value) => text.IndexOf(value) >= 0;

            public bool EndsWith(char value) => text.Length > 0 && text[text.Length - 1] == value;

            public bool StartsWith(char value) => text.Length > 0 && text[0] == value;

            public string[] Split(char separator, StringSplitOptions options) => text.Split([separator], options);
        }
    }
}

namespace System.Buffers
{
    internal delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg);
}

namespace System
{
    // In namespace System (not System.Text) so fully qualified Encoding calls find it without a using.
    internal static class EncodingPolyfills
    {
        extension(System.Text.Encoding encoding)
        {
            public int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
            {
                byte[] encoded = encoding.GetBytes(chars.ToArray());
                encoded.CopyTo(bytes);
                return encoded.Length;
            }

            public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
        }
    }
}
