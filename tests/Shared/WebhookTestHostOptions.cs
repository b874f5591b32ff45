using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.Tests.Shared;

/// <summary>What a test varies in a <see cref="WebhookTestHost"/>; the rest is the merchant's app as the README shows it.</summary>
internal sealed record WebhookTestHostOptions
{
    /// <summary>
    /// The signing secrets, set as the configuration keys <c>Payments:Webhooks:Secrets:N</c> (the README's way), so a
    /// test rotates one by changing <see cref="WebhookTestHost.Configuration"/> and reloading it.
    /// </summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The endpoint's body limit (<c>Payments:Webhooks:MaxBodyBytes</c>).</summary>
    public int MaxBodyBytes { get; init; } = PaymentsWebhookReceiver.DefaultMaxBodyBytes;

    /// <summary>
    /// What the merchant chains after <c>AddPaymentsWebhooks</c>: handlers, a deduplication store, stand-ins for its
    /// services. It runs after the defaults are registered, so a singleton added here replaces its default.
    /// </summary>
    public Action<IPaymentsWebhooksBuilder>? Webhooks { get; init; }

    /// <summary>
    /// Where the app's log lines go. The host removes ASP.NET Core's default providers and logs from Debug up first,
    /// so a capture added here sees every line; without it the app logs nowhere.
    /// </summary>
    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>Kestrel's limits (body size, minimum data rate), for tests of what reaches the endpoint at all.</summary>
    public Action<KestrelServerLimits>? Limits { get; init; }

    /// <summary>
    /// A test's own endpoint in place of the Payments one (a merchant whose answers the test scripts, receiving what
    /// a sender posts). The Payments services are then not registered: <see cref="Secrets"/> and <see cref="Webhooks"/> must stay unset.
    /// </summary>
    public RequestDelegate? RawEndpoint { get; init; }
}
