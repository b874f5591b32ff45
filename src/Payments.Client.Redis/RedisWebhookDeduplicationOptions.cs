namespace Payments.Client.Redis;

/// <summary>Settings of <see cref="RedisWebhookDeduplicationStore"/>.</summary>
public sealed class RedisWebhookDeduplicationOptions
{
    /// <summary>Prefix of the store's keys (one per event id). Default <c>payments:webhooks:</c>.</summary>
    public string KeyPrefix { get; set; } = "payments:webhooks:";

    /// <summary>
    /// How long a claim lives when its handler never completes or abandons it (the process crashed): after this a
    /// redelivery runs the handlers. Longer than your slowest handler. Default 10 minutes.
    /// </summary>
    public TimeSpan ClaimLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest one Redis call may take before the store treats Redis as unavailable (a claim then fails, and
    /// the endpoint answers 503). Default 2 seconds.
    /// </summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
