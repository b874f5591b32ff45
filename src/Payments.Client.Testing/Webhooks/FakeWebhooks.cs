using Payments.Client.Testing.Webhooks;

namespace Payments.Client.Testing;

/// <summary>
/// The fake's webhook sender: register endpoints, ask for duplicate deliveries, and inspect or await
/// what was delivered. Reach it through <see cref="FakePaymentsApi.Webhooks"/>.
/// </summary>
public sealed class FakeWebhooks
{
    private readonly WebhookDispatcher _dispatcher;

    internal FakeWebhooks(WebhookDispatcher dispatcher) => _dispatcher = dispatcher;

    /// <summary>Every delivery so far, one per event and endpoint (two for a duplicated event), in order.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries => _dispatcher.Snapshot();

    /// <summary>Posts every later event to <paramref name="url"/>, signed with <paramref name="secret"/>.</summary>
    /// <param name="url">The receiver's absolute URL.</param>
    /// <param name="secret">The signing secret the receiver verifies with.</param>
    /// <returns>The subscription, to pass to <see cref="Unregister"/>.</returns>
    public WebhookSubscription Register(Uri url, string secret)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The webhook URL must be absolute.", nameof(url));
        }

        return _dispatcher.Register(url, secret, handler: null);
    }

    /// <summary>
    /// Posts every later event to <paramref name="url"/> through <paramref name="handler"/>, signed with
    /// <paramref name="secret"/>. For an app that exists only after the fake started, such as one hosted by
    /// <c>WebApplicationFactory</c>: <c>Register(new Uri(factory.Server.BaseAddress, "/webhooks"), secret, factory.Server.CreateHandler())</c>.
    /// </summary>
    /// <param name="url">The receiver's absolute URL.</param>
    /// <param name="secret">The signing secret the receiver verifies with.</param>
    /// <param name="handler">Carries this subscription's deliveries instead of a loopback connection. Not disposed by the fake.</param>
    /// <returns>The subscription, to pass to <see cref="Unregister"/>.</returns>
    public WebhookSubscription Register(Uri url, string secret, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(handler);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The webhook URL must be absolute.", nameof(url));
        }

        return _dispatcher.Register(url, secret, handler);
    }

    /// <summary>Stops sending events to a subscription; deliveries already under way continue.</summary>
    /// <param name="subscription">What <see cref="Register(Uri, string)"/> returned.</param>
    /// <returns>False when it was not registered.</returns>
    public bool Unregister(WebhookSubscription subscription) => _dispatcher.Unregister(subscription);

    /// <summary>
    /// Delivers each of the next <paramref name="count"/> events twice (same event id, same body), as an
    /// at-least-once sender may: receivers must deduplicate on the event id.
    /// </summary>
    /// <param name="count">How many events to duplicate.</param>
    public void DuplicateNextEvents(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _dispatcher.DuplicateNextEvents(count);
    }

    /// <summary>
    /// Completes when no delivery is in progress. With a fake clock, a delivery waiting to retry is still
    /// in progress until the test advances the clock past its backoff.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when every delivery has ended.</returns>
    public Task WaitForIdleAsync(CancellationToken cancellationToken = default) => _dispatcher.WaitForIdleAsync(cancellationToken);

    /// <summary>Completes as soon as <paramref name="condition"/> holds for <see cref="Deliveries"/>, re-checked on every change.</summary>
    /// <param name="condition">What to wait for, for example <c>d =&gt; d.Count(x =&gt; x.State == WebhookDeliveryState.Delivered) == 2</c>.</param>
    /// <param name="cancellationToken">Stops waiting (pass a timeout in tests).</param>
    /// <returns>A task that completes when the condition holds.</returns>
    public Task WaitUntilAsync(Func<IReadOnlyList<WebhookDelivery>, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return _dispatcher.WaitUntilAsync(condition, cancellationToken);
    }
}
