// Kept: neither PolySharp 1.17 nor Polyfill 11.4 has System.Text.Unicode.Utf8.IsValid.
namespace System.Text.Unicode
{
    // Utf8.IsValid (.NET 8), which these BCLs lack along with the Utf8 class itself. Well-formed UTF-8 as the
    // Unicode standard defines it (table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF.
    internal static class Utf8
    {
        public static bool IsValid(ReadOnlySpan<byte> value)
        {
            int i = 0;
            while (i < value.Length)
            {
                byte first = value[i];
                if (first < 0x80)
                {
                    i++;
                    continue;
                }

                int trailing;
                byte low = 0x80, high = 0xBF; // the allowed range of the second byte
                if (first >= 0xC2 && first <= 0xDF)
                {
                    trailing = 1;
                }
                else if (first >= 0xE0 && first <= 0xEF)
                {
                    trailing = 2;
                    if (first == 0xE0)
                    {
                        low = 0xA0; // overlong below U+0800
                    }
                    else if (first == 0xED)
                    {
                        high = 0x9F; // surrogates U+D800..U+DFFF
                    }
                }
                else if (first >= 0xF0 && first <= 0xF4)
                {
                    trailing = 3;
                    if (first == 0xF0)
                    {
                        low = 0x90; // overlong below U+10000
                    }
                    else if (first == 0xF4)
                    {
                        high = 0x8F; // above U+10FFFF
                    }
                }
                else
                {
                    return false;
                }

                if (i + trailing >= value.Length) // truncated sequence
                {
                    return false;
                }

                if (value[i + 1] < low || value[i + 1] > high)
                {
                    return false;
                }

                for (int k = 2; k <= trailing; k++)
                {
                    if (value[i + k] < 0x80 || value[i + k] > 0xBF)
                    {
                        return false;
                    }
                }

                i += trailing + 1;
            }

            return true;
        }
    }
}
