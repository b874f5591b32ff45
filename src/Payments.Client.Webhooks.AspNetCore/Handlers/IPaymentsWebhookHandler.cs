namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// Handles one kind of verified event. Register with
/// <see cref="IPaymentsWebhooksBuilder.AddWebhookHandler{TEvent, THandler}"/>; use <see cref="PaymentsEvent"/>
/// as <typeparamref name="TEvent"/> for a catch-all that sees every event. Resolved in a request scope.
/// Throwing makes the endpoint answer 500, so the sender delivers the event again.
/// </summary>
/// <typeparam name="TEvent">The event type: <see cref="ChargeSucceededEvent"/>, <see cref="ChargeFailedEvent"/>, <see cref="ChargeEvent"/>, <see cref="UnknownPaymentsEvent"/> or <see cref="PaymentsEvent"/>.</typeparam>
public interface IPaymentsWebhookHandler<in TEvent>
    where TEvent : PaymentsEvent
{
    /// <summary>Handles the event. Answer quickly: the sender times out after 10 seconds.</summary>
    /// <param name="paymentsEvent">The verified event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent paymentsEvent, CancellationToken cancellationToken);
}
