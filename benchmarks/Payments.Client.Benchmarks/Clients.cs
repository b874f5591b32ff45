using Microsoft.Extensions.DependencyInjection;

namespace Payments.Client.Benchmarks;

/// <summary>Both contenders, wired the way a merchant would: the SDK through DI, the baseline by hand.</summary>
internal static class Clients
{
    public static readonly ChargeRequest Request = new()
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = "cus_a1b2c3d4",
        PaymentMethodId = "pm_12345678",
    };

    public static ServiceProvider Sdk(Uri baseAddress, Func<HttpMessageHandler>? primaryHandler = null, Action<IHttpClientBuilder>? more = null)
    {
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddPaymentsClient(o =>
        {
            o.ApiKey = CannedApi.ApiKey;
            o.BaseAddress = baseAddress;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);

            // Keep the limiter in the path, but above anything a benchmark reaches: its cost is measured, not its waits.
            o.RateLimit.RequestsPerSecond = 1_000_000_000;
            o.RateLimit.Burst = 1_000_000_000;
        });
        if (primaryHandler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        more?.Invoke(builder);
        return services.BuildServiceProvider();
    }
}
