using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Payments.Client.Benchmarks;

/// <summary>
/// Issue 13's scenario: a charge carrying two metadata pairs, answered by a charge echoing them, over one
/// loopback Kestrel server in this process. Every contender gets its own <see cref="HttpClient"/> and so
/// its own connection; Stripe.net calls the Stripe-shaped <c>POST /v1/charges</c> on the same server.
/// </summary>
internal sealed class MetadataScenario : IAsyncDisposable
{
    public static readonly Dictionary<string, string> Metadata = new(StringComparer.Ordinal)
    {
        ["order_id"] = "ORD-2024-001",
        ["customer_ref"] = "CR-77812",
    };

    public static readonly ChargeRequest Request = Clients.Request with { Metadata = Metadata };

    private readonly ServiceProvider _services;
    private readonly ChargeService _stripe;

    private MetadataScenario(LoopbackServer? server, Func<HttpMessageHandler>? handler, Uri? remote = null)
    {
        Server = server;
        Uri baseAddress = server?.BaseAddress ?? remote ?? new Uri("http://127.0.0.1:9/v1/");
        Floor = new HandWrittenBaseline(Http(handler), baseAddress, Metadata);
        FloorWithTimeout = new HandWrittenBaseline(new HttpClient(handler?.Invoke() ?? new SocketsHttpHandler()), baseAddress, Metadata);
        Bare = new PaymentsClient(Http(handler), Options(baseAddress, resilience: false));
        Defaults = new PaymentsClient(Http(handler), Options(baseAddress, resilience: true));
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddPaymentsClient(o => Configure(o, baseAddress, resilience: true));
        if (handler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(handler);
        }

        _services = services.BuildServiceProvider();
        var stripe = new StripeClient(new StripeClientOptions
        {
            ApiKey = CannedApi.ApiKey,
            ApiBase = baseAddress.GetLeftPart(UriPartial.Authority),
            HttpClient = new SystemNetHttpClient(Http(handler)),
        });
        _stripe = new ChargeService(stripe);
    }

    /// <summary>Null when the calls go to an in-memory handler or another process.</summary>
    public LoopbackServer? Server { get; }

    public HandWrittenBaseline Floor { get; }

    /// <summary>The floor on an <see cref="HttpClient"/> left at its 100 s timeout: a timer and a linked token per call.</summary>
    public HandWrittenBaseline FloorWithTimeout { get; }

    /// <summary>Retries, circuit breaker and client rate limit off: the base path alone.</summary>
    public PaymentsClient Bare { get; }

    /// <summary>Retries and circuit breaker at their defaults, client rate limit off.</summary>
    public PaymentsClient Defaults { get; }

    /// <summary>Over a loopback server started now.</summary>
    public static async Task<MetadataScenario> StartAsync() => new(await LoopbackServer.StartAsync(CannedApi.ChargeWithMetadata), null);

    /// <summary>
    /// Against a server in another process (<c>serve</c> mode): then this process's CPU and bytes are the client's alone.
    /// </summary>
    public static MetadataScenario Remote(Uri baseAddress) => new(null, null, baseAddress);

    /// <summary>Over in-memory handlers answering the same bytes: the client side alone, no server in the process.</summary>
    public static MetadataScenario InMemory() => new(null, () => new InMemoryHandler(request => InMemoryHandler.Json(
        System.Net.HttpStatusCode.OK,
        request.RequestUri!.AbsolutePath == "/v1/charges" ? CannedApi.StripeCharge : CannedApi.ChargeWithMetadata)));

    public Task<BaselineCharge> FloorAsync() => Floor.ChargeAsync();

    public Task<BaselineCharge> FloorWithTimeoutAsync() => FloorWithTimeout.ChargeAsync();

    public Task<ChargeResult> BareAsync() => Bare.ChargeAsync(Request);

    public Task<ChargeResult> DefaultsAsync() => Defaults.ChargeAsync(Request);

    /// <summary>As a merchant's controller gets it: a client resolved per call from DI (defaults, rate limit off).</summary>
    public Task<ChargeResult> DependencyInjectionAsync() => _services.GetRequiredService<IPaymentsClient>().ChargeAsync(Request);

    public Task<Stripe.Charge> StripeAsync() => _stripe.CreateAsync(new ChargeCreateOptions
    {
        Amount = 2500,
        Currency = "usd",
        Customer = "cus_a1b2c3d4",
        Source = "pm_12345678",
        Metadata = Metadata,
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    private static HttpClient Http(Func<HttpMessageHandler>? handler) =>
        new(handler?.Invoke() ?? new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    private static PaymentsClientOptions Options(Uri baseAddress, bool resilience)
    {
        var options = new PaymentsClientOptions();
        Configure(options, baseAddress, resilience);
        return options;
    }

    private static void Configure(PaymentsClientOptions options, Uri baseAddress, bool resilience)
    {
        options.ApiKey = CannedApi.ApiKey;
        options.BaseAddress = baseAddress;
        options.RateLimit.Enabled = false;
        if (!resilience)
        {
            options.Retry.MaxAttempts = 1;
            options.CircuitBreaker.Enabled = false;
        }
    }
}
