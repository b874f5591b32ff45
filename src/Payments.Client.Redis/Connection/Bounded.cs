namespace Payments.Client.Redis;

/// <summary>
/// Every Redis call is bounded: a Redis that is hung rather than down (no connection error, no answer) must
/// not hold a webhook or a charge, whatever the multiplexer's own timeouts are.
/// </summary>
internal static class Bounded
{
    public static Task<T> RunAsync<T>(Task<T> call, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        call.WaitAsync(timeout, time, cancellationToken);
}
