namespace Payments.Client.Testing.Tests.Support;

/// <summary>A bound on every wait, so a broken test fails instead of hanging the run.</summary>
internal static class Timeouts
{
    public static CancellationToken Short => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
}
