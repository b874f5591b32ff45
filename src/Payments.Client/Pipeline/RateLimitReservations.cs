namespace Payments.Client.Pipeline;

/// <summary>
/// Where the client gets its tokens: the shared limiter when one is set and answers, otherwise the in-process
/// bucket. A reservation remembers which one it came from, so a token that is not used goes back there.
/// <paramref name="bucket"/> is null exactly when <paramref name="shared"/> is: naming the shared bucket hashes the
/// API key, and a process's first hash loads the OS crypto library, milliseconds of a Native AOT start.
/// </summary>
internal sealed class RateLimitReservations(TokenBucket local, IPaymentsRateLimiter? shared, PaymentsRateLimitBucket? bucket)
{
    public async ValueTask<(TimeSpan Wait, bool Shared)> ReserveAsync(CancellationToken cancellationToken)
    {
        if (shared is not null && await shared.ReserveAsync(bucket!, cancellationToken).ConfigureAwait(false) is { } wait)
        {
            return (wait < TimeSpan.Zero ? TimeSpan.Zero : wait, true);
        }

        return (local.Reserve(), false);
    }

    public ValueTask ReturnAsync(bool fromShared)
    {
        if (fromShared)
        {
            return shared!.ReturnAsync(bucket!);
        }

        local.Return();
        return default;
    }
}
