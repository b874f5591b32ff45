using Microsoft.Extensions.Configuration;

namespace Payments.Client.Redis.Tests.Docs;

/// <summary>
/// The two lines of docs/articles/how-to/several-instances.md, compiled: registering opens no connection (it opens in the
/// background on first use), and the webhook store is the Redis one.
/// </summary>
public sealed class ScaleOutDocExamples
{
    [Fact]
    public async Task The_two_lines_register_the_shared_store_and_limiter_without_connecting()
    {
        var services = new ServiceCollection().AddLogging();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",   // nothing listens: registering must not need Redis
            ["Payments:ApiKey"] = "sk_test_docs",
        }).Build();

        #region two-lines
        string redis = configuration.GetConnectionString("Redis")!;   // e.g. "redis:6379"
        services.AddRedisWebhookDeduplication(redis);                             // line 1: handlers run once across instances
        services.AddPaymentsClient(configuration.GetSection("Payments"))
            .UseRedisRateLimit(redis);                                            // line 2: one rate limit per API key
        #endregion

        await using ServiceProvider provider = services.BuildServiceProvider();
        Assert.IsType<RedisWebhookDeduplicationStore>(provider.GetRequiredService<IWebhookDeduplicationStore>());
    }
}
