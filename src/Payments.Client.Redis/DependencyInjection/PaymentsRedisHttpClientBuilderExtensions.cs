using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payments.Client.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares a Payments client's rate limit with every process using the same API key, on Redis.</summary>
public static class PaymentsRedisHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes the client draw its rate-limit tokens from one Redis bucket per API key (the key's SHA-256
    /// fingerprint, never the key), on the <see cref="IConnectionMultiplexer"/> registered in the container.
    /// While Redis cannot answer, the client paces by its in-process limit and logs one warning.
    /// Options (command timeout, retry interval, key prefix): <c>services.Configure&lt;RedisRateLimitOptions&gt;(...)</c>.
    /// </summary>
    /// <param name="builder">The builder <c>AddPaymentsClient</c> returned.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder UseRedisRateLimit(this IHttpClientBuilder builder) =>
        Use(builder, sp => new RedisConnection(sp.GetRequiredService<IConnectionMultiplexer>()));

    /// <summary>
    /// Makes the client draw its rate-limit tokens from one Redis bucket per API key, on a connection opened from
    /// <paramref name="connectionString"/> (shared with <c>AddRedisWebhookDeduplication</c> given the same string).
    /// </summary>
    /// <param name="builder">The builder <c>AddPaymentsClient</c> returned.</param>
    /// <param name="connectionString">A StackExchange.Redis connection string, such as <c>redis:6379</c>.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder UseRedisRateLimit(this IHttpClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = RedisConnections.Parse(connectionString); // a malformed string fails here, at start-up
        builder.Services.TryAddSingleton<RedisConnections>();
        return Use(builder, sp => sp.GetRequiredService<RedisConnections>().Get(connectionString));
    }

    private static IHttpClientBuilder Use(IHttpClientBuilder builder, Func<IServiceProvider, RedisConnection> redis)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // One limiter per client registration for the container's lifetime, so an outage is noticed (and logged) once.
        string key = "Payments.Client.Redis:" + builder.Name;
        builder.Services.AddKeyedSingleton(key, (sp, _) => new RedisPaymentsRateLimiter(
            redis(sp),
            sp.GetService<IOptions<RedisRateLimitOptions>>()?.Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<RedisPaymentsRateLimiter>>()));
        return builder.UseSharedRateLimiter(sp => sp.GetRequiredKeyedService<RedisPaymentsRateLimiter>(key));
    }
}
