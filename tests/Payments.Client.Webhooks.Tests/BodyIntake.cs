using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Payments.Client.Webhooks.Tests;

/// <summary>
/// What body-intake tests watch on a <see cref="WebhookTestHost"/>: the pool the body reader rents from, every log
/// line (awaitable) and the events the catch-all handler got; Kestrel's limits are the test's.
/// </summary>
internal sealed class BodyIntake
{
    public RecordingPool Pool { get; } = new();

    public LogCapture Log { get; } = new();

    public Recorder Recorder { get; } = new();

    public WebhookTestHostOptions Options(int maxBodyBytes = PaymentsWebhookReceiver.DefaultMaxBodyBytes, Action<KestrelServerLimits>? limits = null) => new()
    {
        Secrets = [Vectors.Current],
        MaxBodyBytes = maxBodyBytes,
        Limits = limits,
        Logging = logging => logging.AddProvider(Log),
        Webhooks = webhooks =>
        {
            webhooks.Services.AddSingleton(Recorder).AddSingleton(new WebhookBodyReader(Pool));
            webhooks.AddWebhookHandler<PaymentsEvent, CatchAllHandler>();
        },
    };
}
