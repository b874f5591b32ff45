namespace Payments.Client.Stores.Tests.Support;

/// <summary>
/// An inbox store that counts what the processor has under way through it: store calls in flight and events claimed
/// and not yet settled (completed, failed or released). With the processor's poll armed on the test clock, both at zero
/// mean it is parked with nothing to do: the moment a test may move fake time, seen from the public seams only.
/// </summary>
internal sealed class ObservedInboxStore(IWebhookInboxStore inner) : IWebhookInboxStore
{
    private int _calls;
    private int _held;

    /// <summary>No store call under way.</summary>
    public bool Idle => Volatile.Read(ref _calls) == 0;

    /// <summary>No store call under way and every claimed event settled.</summary>
    public bool Quiet => Idle && Volatile.Read(ref _held) == 0;

    /// <summary>
    /// No store call under way, the processor's poll armed on <paramref name="clock"/>, and each claimed event's run
    /// parked on it too: its handler and its lease renewal, a wait each. For handlers that wait on the clock, where
    /// <see cref="Quiet"/> never holds. <see cref="Idle"/> alone is not enough: between a claim and its run's first wait
    /// (or a renewal's timer and its store call) time could move on a loaded machine and end a lease no real clock would.
    /// </summary>
    public bool ParkedWithRuns(TestClock clock) => Idle && clock.ArmedWaits >= 1 + (2 * Volatile.Read(ref _held));

    /// <summary>Wraps the registered inbox store in an observed one: the service the host then resolves.</summary>
    public static void Decorate(IServiceCollection services)
    {
        ServiceDescriptor registered = services.Single(d => d.ServiceType == typeof(IWebhookInboxStore));
        services.Remove(registered);
        services.AddSingleton<IWebhookInboxStore>(provider => new ObservedInboxStore(
            (IWebhookInboxStore)(registered.ImplementationInstance ?? registered.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!))));
    }

    /// <summary>
    /// Moves <paramref name="clock"/> by <paramref name="step"/> each time <paramref name="parked"/> holds and a wait is
    /// armed on it, until <paramref name="done"/> holds; fails after <paramref name="realLimit"/> of real time. Small
    /// steps, never "to the next timer": the processor's poll is not armed while it queries the store, and the next
    /// timer armed then may be a lease or a sweep far ahead.
    /// </summary>
    public static async Task AdvanceUntilAsync(TestClock clock, Func<bool> parked, Func<bool> done, TimeSpan step, string what, TimeSpan? realLimit = null)
    {
        var real = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan limit = realLimit ?? Eventually.DefaultTimeout;
        while (!done())
        {
            await Eventually.WaitUntilAsync(() => done() || (parked() && clock.ArmedWaits > 0), $"the processor to park ({what})", limit);
            if (done())
            {
                break;
            }

            if (real.Elapsed > limit)
            {
                throw new TimeoutException($"Not done after {limit.TotalSeconds:0.#} s of real time and {clock.GetUtcNow() - clock.Start:g} of fake time: {what}");
            }

            clock.Advance(step);
        }
    }

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Observe(() => inner.EnsureSchemaAsync(cancellationToken));

    public Task<bool> TryAddAsync(WebhookInboxDelivery delivery, CancellationToken cancellationToken) => Observe(() => inner.TryAddAsync(delivery, cancellationToken));

    public Task<IReadOnlyList<WebhookInboxEntry>> ClaimAsync(string owner, int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        Observe(async () =>
        {
            IReadOnlyList<WebhookInboxEntry> claimed = await inner.ClaimAsync(owner, maxCount, now, lease, cancellationToken);
            Interlocked.Add(ref _held, claimed.Count); // before the call counts as ended: never quiet in between
            return claimed;
        });

    public Task<bool> RenewLeaseAsync(string eventId, string owner, DateTimeOffset leaseEndsAt, CancellationToken cancellationToken) =>
        Observe(() => inner.RenewLeaseAsync(eventId, owner, leaseEndsAt, cancellationToken));

    public Task<bool> CompleteAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        Settle(() => inner.CompleteAsync(eventId, owner, now, cancellationToken));

    public Task<bool> FailAsync(string eventId, string owner, string failure, DateTimeOffset? nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        Settle(() => inner.FailAsync(eventId, owner, failure, nextAttemptAt, now, cancellationToken));

    public Task<bool> ReleaseAsync(string eventId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        Settle(() => inner.ReleaseAsync(eventId, owner, now, cancellationToken));

    public Task<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxState? state, int limit, CancellationToken cancellationToken) =>
        Observe(() => inner.ListAsync(state, limit, cancellationToken));

    public Task<WebhookInboxEntry?> GetAsync(string eventId, CancellationToken cancellationToken) => Observe(() => inner.GetAsync(eventId, cancellationToken));

    public Task<bool> ReplayAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken) => Observe(() => inner.ReplayAsync(eventId, now, cancellationToken));

    public Task<int> ReplayDeadLettersAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken) =>
        Observe(() => inner.ReplayDeadLettersAsync(since, now, cancellationToken));

    public Task<int> PurgeAsync(WebhookInboxState state, DateTimeOffset completedBefore, CancellationToken cancellationToken) =>
        Observe(() => inner.PurgeAsync(state, completedBefore, cancellationToken));

    public Task<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken) => Observe(() => inner.GetStatsAsync(cancellationToken));

    private async Task<bool> Settle(Func<Task<bool>> call)
    {
        bool settled = await Observe(call);
        Interlocked.Decrement(ref _held);
        return settled;
    }

    private async Task Observe(Func<Task> call) => await Observe(async () =>
    {
        await call();
        return true;
    });

    private async Task<T> Observe<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref _calls);
        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref _calls);
        }
    }
}
