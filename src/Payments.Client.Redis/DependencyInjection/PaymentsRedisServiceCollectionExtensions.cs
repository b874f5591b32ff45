using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Client.Redis;
using Payments.Client.Webhooks;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook deduplication shared by every instance on Redis.</summary>
public static class PaymentsRedisServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the in-memory deduplication store with <see cref="RedisWebhookDeduplicationStore"/> on the
    /// <see cref="IConnectionMultiplexer"/> registered in the container. Before or after <c>AddPaymentsWebhooks</c>.
    /// Options (claim lifetime, key prefix, command timeout): <c>services.Configure&lt;RedisWebhookDeduplicationOptions&gt;(...)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRedisWebhookDeduplication(this IServiceCollection services) =>
        AddStore(services, sp => new RedisConnection(sp.GetRequiredService<IConnectionMultiplexer>()));

    /// <summary>
    /// Replaces the in-memory deduplication store with <see cref="RedisWebhookDeduplicationStore"/> on a connection
    /// opened from <paramref name="connectionString"/> (for example <c>configuration.GetConnectionString("Redis")</c>),
    /// shared with <c>UseRedisRateLimit</c> given the same string. Start-up does not wait for Redis.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">A StackExchange.Redis connection string, such as <c>redis:6379</c>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddRedisWebhookDeduplication(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(services);
        _ = RedisConnections.Parse(connectionString); // a malformed string fails here, at start-up
        services.TryAddSingleton<RedisConnections>();
        return AddStore(services, sp => sp.GetRequiredService<RedisConnections>().Get(connectionString));
    }

    private static IServiceCollection AddStore(IServiceCollection services, Func<IServiceProvider, RedisConnection> redis)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Replace, not TryAdd: AddPaymentsWebhooks registers the in-memory default and may run first.
        services.RemoveAll<IWebhookDeduplicationStore>();
        services.AddSingleton<IWebhookDeduplicationStore>(sp => new RedisWebhookDeduplicationStore(
            redis(sp),
            sp.GetService<IOptions<RedisWebhookDeduplicationOptions>>()?.Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<RedisWebhookDeduplicationStore>>()));
        return services;
    }
}
