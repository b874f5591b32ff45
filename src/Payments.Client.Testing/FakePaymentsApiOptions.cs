namespace Payments.Client.Testing;

/// <summary>Settings of a <see cref="FakePaymentsApi"/>, read once when it starts.</summary>
public sealed class FakePaymentsApiOptions
{
    /// <summary>
    /// The fake's clock: timestamps, the idempotency window, the rate limit, pending settlement, injected
    /// delays and webhook backoff and timeouts. Default <see cref="TimeProvider.System"/>. Pass a
    /// <c>FakeTimeProvider</c> and advance it, and no test waits for real.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The API key requests must carry; null for a fresh random <c>sk_test_...</c> key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long a pending charge stays pending before it settles. Default 2 seconds.
    /// <see cref="Timeout.InfiniteTimeSpan"/> settles only when the test calls <see cref="FakePaymentsApi.SettlePendingAsync"/>.
    /// </summary>
    public TimeSpan PendingDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an idempotency key is remembered. Default 24 hours, as the contract says.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The rate limit; on by default at the contract's test-mode limits.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>How webhook events are delivered.</summary>
    public WebhookDeliveryOptions Webhooks { get; set; } = new();

    /// <summary>
    /// The loopback port to listen on; 0 (the default) picks a free one, which tests should keep. A fixed
    /// port is for running the fake as a standalone server (the <c>payments fake</c> tool) that other processes find.
    /// </summary>
    public int Port { get; set; }

    /// <summary>Whether the fake starts with <see cref="TestCustomers"/> and <see cref="TestPaymentMethods"/>. Default true.</summary>
    public bool SeedTestData { get; set; } = true;
}
