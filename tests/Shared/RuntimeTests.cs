namespace Payments.Client.Tests.Shared;

/// <summary>The suite runs once per target framework; this proves each run is on that framework's runtime.</summary>
public sealed class RuntimeTests
{
    [Fact]
    public void Runs_on_the_runtime_of_its_target_framework()
    {
#if NET10_0_OR_GREATER
        const int expected = 10;
#else
        const int expected = 8;
#endif
        Assert.Equal(expected, Environment.Version.Major);
    }
}
