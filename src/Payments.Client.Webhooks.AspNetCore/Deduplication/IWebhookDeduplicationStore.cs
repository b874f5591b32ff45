namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Remembers which event ids were handled, so an at-least-once delivery runs handlers once. The default
/// keeps ids in memory (one process); register your own singleton (Redis, SQL) before
/// <c>AddPaymentsWebhooks</c> for several instances. Implementations must make <see cref="TryBeginAsync"/>
/// atomic: of two concurrent calls for one id, only one may see <see cref="WebhookDeliveryState.New"/>.
/// </summary>
public interface IWebhookDeduplicationStore
{
    /// <summary>Claims <paramref name="eventId"/> for handling, or says why not.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns><see cref="WebhookDeliveryState.New"/> when the caller now holds the claim.</returns>
    ValueTask<WebhookDeliveryState> TryBeginAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Marks a claimed id as handled, remembered for <paramref name="window"/>.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="window">How long to remember it.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when recorded.</returns>
    ValueTask CompleteAsync(string eventId, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Releases a claim whose handling failed, so the sender's next delivery runs the handlers.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns>A task that completes when released.</returns>
    ValueTask AbandonAsync(string eventId);
}
