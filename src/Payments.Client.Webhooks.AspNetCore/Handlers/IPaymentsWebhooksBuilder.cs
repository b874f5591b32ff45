using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>Registers the handlers of the webhook endpoint.</summary>
public interface IPaymentsWebhooksBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) for events of type <typeparamref name="TEvent"/>.</summary>
    /// <typeparam name="TEvent">The event type, or <see cref="PaymentsEvent"/> for every event.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>This builder.</returns>
    IPaymentsWebhooksBuilder AddWebhookHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TEvent : PaymentsEvent
        where THandler : class, IPaymentsWebhookHandler<TEvent>;
}
