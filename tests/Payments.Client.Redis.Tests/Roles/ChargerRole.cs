namespace Payments.Client.Redis.Tests.Roles;

/// <summary>
/// One instance of a merchant's app that charges: the README's client registration plus the one line that shares the
/// rate limit on Redis. Prints <c>ready</c>, waits for <c>go</c> (so every instance starts together), charges, then
/// prints <c>result ok=N failed=N max-ms=N warnings=N</c> (warnings: the limiter's "Redis unavailable" lines).
/// </summary>
internal static class ChargerRole
{
    public static async Task<int> RunAsync(string[] args)
    {
        string redis = args[0];
        var baseAddress = new Uri(args[1]);
        string apiKey = args[2];
        int count = int.Parse(args[3], CultureInfo.InvariantCulture);
        int concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
        var overall = TimeSpan.FromMilliseconds(int.Parse(args[5], CultureInfo.InvariantCulture));

        var warnings = new WarningCounter();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(warnings));
        services.AddPaymentsClient(o =>
            {
                o.BaseAddress = baseAddress;
                o.ApiKey = apiKey;
                o.OverallTimeout = overall;
                o.AttemptTimeout = overall < TimeSpan.FromSeconds(5) ? overall : TimeSpan.FromSeconds(5);
            })
            .UseRedisRateLimit(redis);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClient payments = provider.GetRequiredService<IPaymentsClient>();

        // Warm up (JIT, the first connections, the Redis script) before the clock starts, as a running app would be;
        // a cold process that stalls on its first requests sends its whole burst late, bunched with paced ones.
        try
        {
            await payments.GetChargeAsync("ch_warm_up", CancellationToken.None);
        }
        catch (NotFoundException)
        {
            // Expected: only the round trip matters.
        }

        Console.WriteLine("ready");
        if (await Console.In.ReadLineAsync() != "go")
        {
            return 2;
        }

        int ok = 0, failed = 0, next = -1;
        long maxTicks = 0;
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                long started = Stopwatch.GetTimestamp();
                try
                {
                    await payments.ChargeAsync(
                        new ChargeRequest { Amount = 2500, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.Succeeds },
                        CancellationToken.None);
                    Interlocked.Increment(ref ok);
                }
                catch (PaymentsException ex)
                {
                    Interlocked.Increment(ref failed);
                    failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                }

                long took = Stopwatch.GetTimestamp() - started;
                long seen;
                while (took > (seen = Interlocked.Read(ref maxTicks)) && Interlocked.CompareExchange(ref maxTicks, took, seen) != seen)
                {
                    // Retry the max update.
                }
            }
        }));

        double maxMs = maxTicks * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine(FormattableString.Invariant($"result ok={ok} failed={failed} max-ms={maxMs:0} warnings={warnings.RedisUnavailable} kinds={string.Join('+', failures.Select(p => $"{p.Key}:{p.Value}"))}"));
        return 0;
    }
}

/// <summary>Counts the rate limiter's "unavailable" warnings; every warning also goes to standard error.</summary>
internal sealed class WarningCounter : ILoggerProvider, ILogger
{
    private int _redisUnavailable;

    public int RedisUnavailable => Volatile.Read(ref _redisUnavailable);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string message = formatter(state, exception);
        if (logLevel == LogLevel.Warning && message.StartsWith("Redis rate limit unavailable", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _redisUnavailable);
        }

        if (logLevel >= LogLevel.Warning || message.StartsWith("Redis rate limit", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{logLevel}: {message} {exception?.GetType().Name}: {exception?.Message}");
        }
    }

    public void Dispose()
    {
    }
}
