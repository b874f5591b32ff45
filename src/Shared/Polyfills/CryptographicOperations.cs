// Kept: Polyfill 11.4's copy lacks NoOptimization, so the JIT may turn its loop into an early exit; Legacy.props removes
// that copy for this one. tests/Payments.Client.Webhooks.Tests/ConstantTimeComparisonTests.cs compiles this file and shows it.
namespace System.Security.Cryptography
{
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
