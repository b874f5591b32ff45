using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Webhooks.AspNetCore;

internal sealed class PaymentsWebhooksBuilder(IServiceCollection services) : IPaymentsWebhooksBuilder
{
    public IServiceCollection Services { get; } = services;

    public IPaymentsWebhooksBuilder AddWebhookHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TEvent : PaymentsEvent
        where THandler : class, IPaymentsWebhookHandler<TEvent>
    {
        Services.AddScoped<IPaymentsWebhookHandler<TEvent>, THandler>();
        return this;
    }
}
