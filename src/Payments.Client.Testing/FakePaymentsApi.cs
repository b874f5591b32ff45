using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payments.Client.Testing.Charges;
using Payments.Client.Testing.Customers;
using Payments.Client.Testing.Http;
using Payments.Client.Testing.Idempotency;
using Payments.Client.Testing.Internal;
using Payments.Client.Testing.RateLimiting;
using Payments.Client.Testing.Requests;
using Payments.Client.Testing.Webhooks;

namespace Payments.Client.Testing;

/// <summary>
/// An in-process fake of the Payments API on a loopback port, for tests and samples. It implements the
/// contract (both wire formats, bearer auth, the server rules, idempotency, rate limits, webhooks) and
/// lets a test inject faults and control time. Start it with <see cref="StartAsync"/>, stop it with
/// <c>await using</c>.
/// </summary>
/// <example>
/// <code>
/// await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
/// var client = new PaymentsClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
///     new PaymentsClientOptions { BaseAddress = api.BaseAddress, ApiKey = api.ApiKey });
/// </code>
/// </example>
public sealed class FakePaymentsApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CustomerDirectory _customers;
    private readonly ChargeLedger _ledger;
    private readonly RequestLog _requests;
    private readonly PendingSettlement _settlement;
    private readonly WebhookDispatcher _webhookDispatcher;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private FakePaymentsApi(WebApplication app, State state)
    {
        _app = app;
        _customers = state.Customers;
        _ledger = state.Ledger;
        _requests = state.Requests;
        _settlement = state.Settlement;
        _webhookDispatcher = state.Webhooks;
        _stopping = state.Stopping;
        ApiKey = state.ApiKey;
        TimeProvider = state.Time;
        Faults = state.Faults;
        Webhooks = new FakeWebhooks(state.Webhooks);
        BaseAddress = new Uri("http://127.0.0.1/v1/");
    }

    /// <summary>The API's base address, <c>http://127.0.0.1:{port}/v1/</c>: use it as <c>PaymentsClientOptions.BaseAddress</c> as it is.</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>The test-mode key (<c>sk_test_...</c>) requests must carry as <c>Authorization: Bearer</c>.</summary>
    public string ApiKey { get; }

    /// <summary>The fake's clock, from <see cref="FakePaymentsApiOptions.TimeProvider"/>.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Every charge the fake holds, in creation order (declines included, as <c>failed</c> charges). A snapshot.</summary>
    public IReadOnlyList<FakeCharge> Charges => _ledger.Snapshot();

    /// <summary>Every request received, in arrival order, with how it was answered. A snapshot.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.Snapshot();

    /// <summary>Fault injection for the next requests.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Webhook endpoints, duplicate delivery and the record of deliveries.</summary>
    public FakeWebhooks Webhooks { get; }

    /// <summary>Starts the fake on 127.0.0.1 with a free port, ready for requests when the task completes.</summary>
    /// <param name="options">Settings; the defaults follow the contract's test mode.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The running fake; dispose it to stop.</returns>
    public static async Task<FakePaymentsApi> StartAsync(FakePaymentsApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakePaymentsApiOptions();
        var state = new State(options);
        WebApplication app = BuildApp(state, options.Port);
        var api = new FakePaymentsApi(app, state);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            api.BaseAddress = new Uri(new Uri(address), "/v1/");
            return api;
        }
        catch
        {
            await api.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Completes as soon as <paramref name="condition"/> holds for <see cref="Requests"/>, re-checked on every change.</summary>
    /// <param name="condition">What to wait for, for example <c>r =&gt; r.Count == 3</c>.</param>
    /// <param name="cancellationToken">Stops waiting (pass a timeout in tests).</param>
    /// <returns>A task that completes when the condition holds.</returns>
    public Task WaitForRequestsAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return _requests.WaitUntilAsync(condition, cancellationToken);
    }

    /// <summary>Gets a charge as it stands now.</summary>
    /// <param name="chargeId">The charge id.</param>
    /// <returns>The charge, or null when the fake holds none with that id.</returns>
    public FakeCharge? FindCharge(string chargeId) => _ledger.Find(chargeId);

    /// <summary>Adds a customer with no payment method yet.</summary>
    /// <param name="customerId">Its id, for example <c>cus_42</c>.</param>
    /// <exception cref="InvalidOperationException">The customer exists already.</exception>
    public void AddCustomer(string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        if (!_customers.AddCustomer(customerId))
        {
            throw new InvalidOperationException($"The customer '{customerId}' exists already.");
        }
    }

    /// <summary>Gives a customer a payment method; the first one a customer gets is its default (for enveloped charges that name none).</summary>
    /// <param name="customerId">An existing customer.</param>
    /// <param name="paymentMethodId">A new payment method id, for example <c>pm_42</c>.</param>
    /// <param name="behavior">What charging it does.</param>
    /// <exception cref="InvalidOperationException">The customer does not exist, or the payment method already does.</exception>
    public void AddPaymentMethod(string customerId, string paymentMethodId, PaymentMethodBehavior behavior)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentMethodId);
        ArgumentNullException.ThrowIfNull(behavior);
        _customers.AddPaymentMethod(customerId, paymentMethodId, behavior);
    }

    /// <summary>
    /// Settles pending charges now, without waiting for <see cref="FakePaymentsApiOptions.PendingDelay"/>;
    /// each sends its webhook event.
    /// </summary>
    /// <param name="chargeId">One charge to settle; null settles every pending charge.</param>
    /// <param name="cancellationToken">Not used yet; settling is immediate.</param>
    /// <returns>How many charges settled.</returns>
    public Task<int> SettlePendingAsync(string? chargeId = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_settlement.SettleNow(chargeId));
    }

    /// <summary>Stops the server: requests still waiting are dropped, and webhook deliveries under way end.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // First wake everything that waits (delays, key locks), so the server's graceful stop is quick.
        await _stopping.CancelAsync().ConfigureAwait(false);
        _settlement.Dispose();
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            await _webhookDispatcher.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    private static WebApplication BuildApp(State state, int port)
    {
        // The empty builder reads no configuration, environment or appsettings: the fake behaves the same everywhere.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        WebApplication app = builder.Build();
        app.Run(state.Handler.HandleAsync);
        return app;
    }

    /// <summary>The fake's parts, wired once.</summary>
    private sealed class State
    {
        public State(FakePaymentsApiOptions options)
        {
            ArgumentNullException.ThrowIfNull(options.TimeProvider);
            ArgumentNullException.ThrowIfNull(options.RateLimit);
            ArgumentNullException.ThrowIfNull(options.Webhooks);
            ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
            if (options.PendingDelay < TimeSpan.Zero && options.PendingDelay != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentException("PendingDelay must not be negative (or Timeout.InfiniteTimeSpan to settle only on request).", nameof(options));
            }

            if (options.IdempotencyWindow <= TimeSpan.Zero)
            {
                throw new ArgumentException("IdempotencyWindow must be positive.", nameof(options));
            }

            Time = options.TimeProvider;
            ApiKey = options.ApiKey ?? Ids.New("sk_test_", 24);
            Customers = options.SeedTestData ? CustomerDirectory.CreateSeeded() : new CustomerDirectory();
            Webhooks = new WebhookDispatcher(options.Webhooks, Time);
            Settlement = new PendingSettlement(Ledger, Webhooks, Time, options.PendingDelay);
            var charge = new ChargeEndpoint(Customers, Ledger, new IdempotencyStore(Time, options.IdempotencyWindow), Settlement, Webhooks, Time);
            Handler = new ApiHandler(Requests, Faults, new BearerAuth(ApiKey), new RateLimiter(options.RateLimit, Time), charge, new GetChargeEndpoint(Ledger), Time, Stopping.Token);
        }

        public TimeProvider Time { get; }

        public string ApiKey { get; }

        public CustomerDirectory Customers { get; }

        public ChargeLedger Ledger { get; } = new();

        public RequestLog Requests { get; } = new();

        public FaultInjector Faults { get; } = new();

        public WebhookDispatcher Webhooks { get; }

        public PendingSettlement Settlement { get; }

        public CancellationTokenSource Stopping { get; } = new();

        public ApiHandler Handler { get; }
    }
}
