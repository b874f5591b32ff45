namespace Payments.Client.Pipeline;

/// <summary>
/// Where the client gets its tokens: the shared limiter when one is set and answers, otherwise the in-process
/// bucket. A reservation remembers which one it came from, so a token that is not used goes back there.
/// <paramref name="bucket"/> is null exactly when <paramref name="shared"/> is: naming the shared bucket hashes the
/// API key, and a process's first hash loads the OS crypto library, milliseconds of a Native AOT start.
/// </summary>
/// <remarks>
/// Every shared token is also taken from the in-process bucket (its wait ignored: the shared answer rules). The
/// in-process bucket so follows what this process actually sent, and a fallback while the shared limiter cannot
/// answer starts from there, not from a fresh full burst on top of the shared one.
/// </remarks>
internal sealed class RateLimitReservations(TokenBucket local, IPaymentsRateLimiter? shared, PaymentsRateLimitBucket? bucket)
{
    public async ValueTask<(TimeSpan Wait, bool Shared)> ReserveAsync(CancellationToken cancellationToken)
    {
        if (shared is not null && await shared.ReserveAsync(bucket!, cancellationToken).ConfigureAwait(false) is { } wait)
        {
            local.Reserve();
            return (wait < TimeSpan.Zero ? TimeSpan.Zero : wait, true);
        }

        return (local.Reserve(), false);
    }

    /// <summary>
    /// Gives a token back without holding the call: a refused or cancelled call ends at once, like with the
    /// in-process bucket, while the shared limiter's give-back (a remote call it bounds itself) completes on its own.
    /// </summary>
    public void Return(bool fromShared)
    {
        local.Return();
        if (fromShared)
        {
            // Fire and forget is deliberate: nothing waits for a give-back. The interface says ReturnAsync never throws;
            // a limiter that does anyway must not turn the caller's refusal or cancellation into its own exception.
            try
            {
                ValueTask returning = shared!.ReturnAsync(bucket!);
                if (!returning.IsCompletedSuccessfully)
                {
                    _ = returning.AsTask().ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
#pragma warning disable CA1031 // a third-party limiter's failure to take a token back is not the caller's error
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
