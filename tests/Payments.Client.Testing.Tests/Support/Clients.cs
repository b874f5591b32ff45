namespace Payments.Client.Testing.Tests.Support;

/// <summary>The real SDK client pointed at a fake, with short delays so retries cost milliseconds.</summary>
internal static class Clients
{
    public static PaymentsClient For(FakePaymentsApi api, PaymentsWireFormat format = PaymentsWireFormat.V1, int maxAttempts = 4) =>
        new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Options(api, format, maxAttempts));

    public static PaymentsClientOptions Options(FakePaymentsApi api, PaymentsWireFormat format = PaymentsWireFormat.V1, int maxAttempts = 4) => new()
    {
        BaseAddress = api.BaseAddress,
        ApiKey = api.ApiKey,
        WireFormat = format,
        Retry = new PaymentsRetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2) },
        AttemptTimeout = TimeSpan.FromSeconds(5),
        OverallTimeout = TimeSpan.FromSeconds(20),
    };
}
