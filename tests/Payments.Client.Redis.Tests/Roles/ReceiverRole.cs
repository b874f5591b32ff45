using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payments.Client.Webhooks;
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

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new HandledFile(handledFile));
        builder.Services.AddPaymentsWebhooks(o => o.Secrets.Add(secret))
            .AddWebhookHandler<PaymentsEvent, AppendEventId>();
        builder.Services.AddRedisWebhookDeduplication(redis);
        builder.Services.Configure<RedisDeduplicationOptions>(o => o.ClaimLifetime = TimeSpan.FromMilliseconds(claimMs));

        await using WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks/payments");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Console.WriteLine("ready " + address.TrimEnd('/') + "/webhooks/payments");

        while (await Console.In.ReadLineAsync() is not null)
        {
            // Runs until the test closes standard input.
        }

        await app.StopAsync();
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
