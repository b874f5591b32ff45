namespace Payments.Client.Webhooks.Tests;

/// <summary>What the handlers of these tests' merchant app ran, and the options of that app's <see cref="WebhookTestHost"/>.</summary>
internal sealed class Recorder
{
    public ConcurrentQueue<PaymentsEvent> Typed { get; } = new();

    public ConcurrentQueue<PaymentsEvent> CatchAll { get; } = new();

    /// <summary>How many times the typed handler should throw before it succeeds.</summary>
    public int FailuresLeft;

    /// <summary>Lets a test hold a handler inside HandleAsync.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int Invocations;

    /// <summary>The README's lines (a typed handler for each charge event, a catch-all) recording here, on <see cref="Vectors.Current"/>.</summary>
    public WebhookTestHostOptions ReadmeApp(int maxBodyBytes = PaymentsWebhookReceiver.DefaultMaxBodyBytes, ILoggerProvider? logs = null) => new()
    {
        Secrets = [Vectors.Current],
        MaxBodyBytes = maxBodyBytes,
        Logging = logs is null ? null : logging => logging.AddProvider(logs),
        Webhooks = webhooks =>
        {
            webhooks.Services.AddSingleton(this);
            webhooks.Services.AddSingleton<TimeProvider>(FixtureDayClock.Instance);
            webhooks.AddWebhookHandler<ChargeSucceededEvent, RecordingHandler>()
                .AddWebhookHandler<ChargeFailedEvent, RecordingHandler>()
                .AddWebhookHandler<PaymentsEvent, CatchAllHandler>();
        },
    };
}

internal sealed class RecordingHandler(Recorder recorder) : IPaymentsWebhookHandler<ChargeSucceededEvent>, IPaymentsWebhookHandler<ChargeFailedEvent>
{
    public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken) => Record(paymentsEvent);

    public Task HandleAsync(ChargeFailedEvent paymentsEvent, CancellationToken cancellationToken) => Record(paymentsEvent);

    private async Task Record(PaymentsEvent paymentsEvent)
    {
        Interlocked.Increment(ref recorder.Invocations);
        if (recorder.Gate is { } gate)
        {
            await gate.Task;
        }

        if (Interlocked.Decrement(ref recorder.FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("the merchant's database is down");
        }

        recorder.Typed.Enqueue(paymentsEvent);
    }
}

internal sealed class CatchAllHandler(Recorder recorder) : IPaymentsWebhookHandler<PaymentsEvent>
{
    public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
    {
        recorder.CatchAll.Enqueue(paymentsEvent);
        return Task.CompletedTask;
    }
}
