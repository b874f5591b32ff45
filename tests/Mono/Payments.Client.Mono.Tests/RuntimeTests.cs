using System.Runtime.Versioning;

namespace Payments.Client.Mono.Tests;

/// <summary>What these results are evidence of: the net462 assemblies, on Mono (not on .NET Framework).</summary>
public sealed class RuntimeTests
{
    [Fact]
    public void The_suite_runs_on_Mono()
    {
        Assert.NotNull(Type.GetType("Mono.Runtime"));
    }

    [Fact]
    public void The_libraries_loaded_are_their_net462_builds()
    {
        Assert.Equal(".NETFramework,Version=v4.6.2", TargetFrameworkOf(typeof(PaymentsClient)));
        Assert.Equal(".NETFramework,Version=v4.6.2", TargetFrameworkOf(typeof(Payments.Client.Webhooks.PaymentsWebhookReceiver)));
    }

    private static string? TargetFrameworkOf(Type type) =>
        ((TargetFrameworkAttribute?)Attribute.GetCustomAttribute(type.Assembly, typeof(TargetFrameworkAttribute)))?.FrameworkName;
}
