namespace Payments.Client;

/// <summary>
/// A client rate limit shared beyond one process, so every instance using one API key draws from one budget
/// (register it with <c>AddPaymentsClient(...).UseSharedRateLimiter(...)</c>; <c>Payments.Client.Redis</c> provides one).
/// It hands out reservations like the in-process limit: the caller learns at once how long until its token
/// exists, waits that long itself, and gives the token back if it will not send after all.
/// </summary>
/// <remarks>
/// The client never waits past a call's overall timeout for a token, and never waits on this limiter longer than
/// the limiter takes to answer: implementations must answer quickly (bound every remote call, and end it when the
/// call's token is cancelled, which also happens at the call's overall timeout) and return <see langword="null"/>
/// when they cannot, so the client paces by its in-process limit until they can. A give-back is not waited for:
/// a refused or cancelled call ends at once while <see cref="ReturnAsync"/> completes on its own.
/// </remarks>
public interface IPaymentsRateLimiter
{
    /// <summary>Takes one token from <paramref name="bucket"/>, possibly one that only exists in the future.</summary>
    /// <param name="bucket">Which budget, and its rate.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    /// <returns>How long until the token exists (zero: now); <see langword="null"/> when the shared limit cannot be reached.</returns>
    ValueTask<TimeSpan?> ReserveAsync(PaymentsRateLimitBucket bucket, CancellationToken cancellationToken);

    /// <summary>Gives back a token reserved by <see cref="ReserveAsync"/> whose caller will not send after all. Best effort; never throws.</summary>
    /// <param name="bucket">The budget the token came from.</param>
    /// <returns>A task that completes when given back, or when giving back failed.</returns>
    ValueTask ReturnAsync(PaymentsRateLimitBucket bucket);
}
