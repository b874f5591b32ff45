using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.Redis.Tests.Roles;

/// <summary>
/// A merchant's webhook app as the README shows it, plus the one line that shares deduplication on Redis. Its handler
/// appends the event id to a file, so the test counts handler runs outside every receiver process.
/// Prints <c>ready URL</c>; stops when its standard input closes.
/// </summary>
internal static class ReceiverRole
{
    public static async Task<int> RunAsync(string[] args)
    {
        (string redis, string secret, string handledFile, int claimMs) = (args[0], args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));

        await using WebhookTestHost host = await WebhookTestHost.StartAsync(new WebhookTestHostOptions
        {
            Secrets = [secret],

            // Warnings and errors go to standard error, which the test shows when a receiver fails to start or answer.
            Logging = logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning),
            Webhooks = webhooks =>
            {
                webhooks.Services.AddSingleton(new HandledFile(handledFile));
                webhooks.AddWebhookHandler<PaymentsEvent, AppendEventId>();
                webhooks.Services.AddRedisWebhookDeduplication(redis);
                webhooks.Services.Configure<RedisWebhookDeduplicationOptions>(o => o.ClaimLifetime = TimeSpan.FromMilliseconds(claimMs));
            },
        });
        Console.WriteLine("ready " + host.Endpoint);

        while (await Console.In.ReadLineAsync() is not null)
        {
            // Runs until the test closes standard input.
        }

        return 0;
    }
}

/// <summary>One line per handler run, flushed before the handler returns (so before the endpoint answers 200).</summary>
internal sealed class HandledFile(string path)
{
    private readonly object _gate = new();

    public void Append(string eventId)
    {
        lock (_gate)
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(eventId);
        }
    }
}

internal sealed class AppendEventId(HandledFile file) : IPaymentsWebhookHandler<PaymentsEvent>
{
    public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
    {
        file.Append(paymentsEvent.Id);
        return Task.CompletedTask;
    }
}
