namespace Payments.Client.Testing.Tests.Support;

/// <summary>The real SDK client pointed at a fake, with short delays so retries cost milliseconds.</summary>
internal static class Clients
{
    public static PaymentsClient For(FakePaymentsApi api, PaymentsWireFormat format = PaymentsWireFormat.V1, int maxAttempts = 4, bool circuitBreaker = true) =>
        new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, TestClientOptions.For(
            api.BaseAddress, api.ApiKey, wireFormat: format, maxAttempts: maxAttempts, baseDelay: TimeSpan.FromMilliseconds(10), maxDelay: TimeSpan.FromSeconds(2),
            attemptTimeout: TimeSpan.FromSeconds(5), overallTimeout: TimeSpan.FromSeconds(20), circuitBreaker: circuitBreaker));
}
