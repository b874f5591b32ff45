namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// The signature comparison the netstandard2.0 and net462 builds compile in (src/Shared/Polyfills), linked into this
/// assembly: it reads every byte whatever the first difference, and the JIT may neither inline nor optimise it into an
/// early exit (as the BCL's own <c>CryptographicOperations.FixedTimeEquals</c>).
/// </summary>
public class ConstantTimeComparisonTests
{
    [Fact]
    public void A_difference_at_any_position_is_seen_so_every_byte_is_compared()
    {
        byte[] expected = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        Assert.True(CryptographicOperations.FixedTimeEquals(expected, expected.ToArray()));
        for (int i = 0; i < expected.Length; i++)
        {
            byte[] actual = expected.ToArray();
            actual[i] ^= 0x80;
            Assert.False(CryptographicOperations.FixedTimeEquals(actual, expected), $"a difference at byte {i} went unseen");
        }
    }

    [Fact]
    public void The_loop_has_no_early_exit_for_the_jit_to_find_or_make()
    {
        MethodInfo method = typeof(CryptographicOperations).GetMethod(nameof(CryptographicOperations.FixedTimeEquals))!;
        Assert.Same(typeof(ConstantTimeComparisonTests).Assembly, method.DeclaringType!.Assembly); // the polyfill, not the BCL's
        MethodImplAttributes flags = method.MethodImplementationFlags;
        Assert.True(flags.HasFlag(MethodImplAttributes.NoOptimization) && flags.HasFlag(MethodImplAttributes.NoInlining), $"flags: {flags}");

    }
}
