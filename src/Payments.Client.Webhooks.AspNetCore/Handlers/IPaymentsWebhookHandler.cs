namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Handles one kind of verified event. Register with
/// <see cref="IPaymentsWebhooksBuilder.AddWebhookHandler{TEvent, THandler}"/>; use <see cref="PaymentsEvent"/>
/// as <typeparamref name="TEvent"/> for a catch-all that sees every event. Resolved in a request scope.
/// Inline (the default), throwing makes the endpoint answer 500, so the sender delivers the event again. In inbox mode
/// (<c>AddSqliteWebhookInbox</c>, <c>AddPostgreSqlWebhookInbox</c>) the handlers run in the background after the delivery
/// was stored and acknowledged: throwing schedules a retry, and the event becomes a dead letter past the retry limits.
/// </summary>
/// <typeparam name="TEvent">The event type: <see cref="ChargeSucceededEvent"/>, <see cref="ChargeFailedEvent"/>, <see cref="ChargeEvent"/>, <see cref="UnknownPaymentsEvent"/> or <see cref="PaymentsEvent"/>.</typeparam>
public interface IPaymentsWebhookHandler<in TEvent>
    where TEvent : PaymentsEvent
{
    /// <summary>Handles the event. Answer quickly: the sender times out after 10 seconds.</summary>
    /// <param name="paymentsEvent">The verified event.</param>
    /// <param name="cancellationToken">Inline: cancelled when the request is aborted. Inbox mode: cancelled only when the host is stopping and its shutdown time is up (the run is then given back and runs again).</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent paymentsEvent, CancellationToken cancellationToken);
}
