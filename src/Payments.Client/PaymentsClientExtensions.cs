namespace Payments.Client;

/// <summary>Helpers built on <see cref="IPaymentsClient"/>, so they work on any implementation, fakes included.</summary>
public static class PaymentsClientExtensions
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Polls <see cref="IPaymentsClient.GetChargeAsync"/> with backoff (0.5 s, doubling, at most 8 s between
    /// reads) until the charge is terminal (succeeded or failed) or <paramref name="timeout"/> passes.
    /// Webhooks tell you sooner; this is the reconciliation path the API recommends when money depends on it.
    /// </summary>
    /// <remarks>
    /// A polling helper, so it returns the last charge read rather than a <see cref="ChargeResult"/>: the request id and
    /// attempts of one read among several say little. Call <see cref="IPaymentsClient.GetChargeAsync"/> when you need them.
    /// </remarks>
    /// <param name="client">The client.</param>
    /// <param name="chargeId">The charge to watch.</param>
    /// <param name="timeout">How long to keep polling.</param>
    /// <param name="cancellationToken">Stops polling at once.</param>
    /// <returns>The charge: terminal, or still <see cref="ChargeStatus.Pending"/> when the timeout passed (check <see cref="ChargeStatus.IsTerminal"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="chargeId"/> is empty or <paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="PaymentsException">A read failed after its own retries.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027", Justification = "The everyday overload keeps its optional CancellationToken; the TimeProvider overload, for tests, takes every argument.")]
    public static Task<Charge> WaitForCompletionAsync(this IPaymentsClient client, string chargeId, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        client.WaitForCompletionAsync(chargeId, timeout, (client as PaymentsClient)?.Time ?? TimeProvider.System, cancellationToken);

    /// <summary>
    /// Polls like <see cref="WaitForCompletionAsync(IPaymentsClient, string, TimeSpan, CancellationToken)"/>, with every
    /// pause and the timeout on <paramref name="timeProvider"/>: give a <c>FakeTimeProvider</c> to test code that waits
    /// on a fake or mocked <see cref="IPaymentsClient"/> without sleeping.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="chargeId">The charge to watch.</param>
    /// <param name="timeout">How long to keep polling, on <paramref name="timeProvider"/>.</param>
    /// <param name="timeProvider">The clock the pauses and the timeout run on.</param>
    /// <param name="cancellationToken">Stops polling at once.</param>
    /// <returns>The charge: terminal, or still <see cref="ChargeStatus.Pending"/> when the timeout passed (check <see cref="ChargeStatus.IsTerminal"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="chargeId"/> is empty or <paramref name="timeout"/> is not positive.</exception>
    /// <exception cref="PaymentsException">A read failed after its own retries.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<Charge> WaitForCompletionAsync(this IPaymentsClient client, string chargeId, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(chargeId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);

        TimeProvider time = timeProvider;
        long started = time.GetTimestamp();
        TimeSpan pause = FirstPoll;
        while (true)
        {
            Charge charge = (await client.GetChargeAsync(chargeId, cancellationToken).ConfigureAwait(false)).Charge;
            TimeSpan left = timeout - time.GetElapsedTime(started);
            if (charge.Status.IsTerminal || left <= TimeSpan.Zero)
            {
                return charge;
            }

            await Task.Delay(pause < left ? pause : left, time, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < LongestPoll ? pause * 2 : LongestPoll;
        }
    }
}
