using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Payments.Client.DependencyInjection;

/// <summary>
/// Builds each named client's <see cref="ClientCore"/> once and rebuilds it when its options change;
/// HTTP handlers come from <see cref="IHttpClientFactory"/>, which manages their lifetime.
/// </summary>
internal sealed class PaymentsClientFactory : IPaymentsClientFactory, IDisposable
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<PaymentsClientOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IMeterFactory? _meterFactory;
    private readonly PaymentsClientRegistry _registry;
    private readonly ConcurrentDictionary<string, ClientCore> _cores = new(StringComparer.Ordinal);
    private readonly IDisposable? _onChange;

    public PaymentsClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<PaymentsClientOptions> options,
        PaymentsClientRegistry registry,
        TimeProvider? time = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _registry = registry;
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _meterFactory = meterFactory;
        _onChange = options.OnChange((_, name) => _cores.TryRemove(name ?? string.Empty, out ClientCore? stale));
    }

    public IPaymentsClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registry.Contains(name))
        {
            throw new InvalidOperationException(name.Length == 0
                ? "No Payments client is registered; call services.AddPaymentsClient(...)."
                : $"No Payments client named '{name}' is registered; call services.AddPaymentsClient(\"{name}\", ...).");
        }

        ClientCore core = _cores.GetOrAdd(name, static (n, self) => ClientCore.Create(self._options.Get(n), self._time, self._loggerFactory, self._meterFactory), this);
        return new PaymentsClient(_httpClientFactory.CreateClient(PaymentsClientRegistry.HttpClientName(name)), core);
    }

    public void Dispose() => _onChange?.Dispose();
}
