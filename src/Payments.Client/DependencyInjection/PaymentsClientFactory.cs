using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Payments.Client.DependencyInjection;

/// <summary>
/// Builds each named client's <see cref="ClientCore"/> once per options value; HTTP handlers come from
/// <see cref="IHttpClientFactory"/>, which manages their lifetime.
/// </summary>
/// <remarks>
/// A core is reused only while <see cref="IOptionsMonitor{TOptions}.Get(string)"/> still returns the very
/// options instance it was built from. A reload yields a new instance, so the next client gets a fresh core;
/// unlike invalidating on change notifications, a reload racing a <see cref="CreateClient"/> cannot leave a
/// stale core cached.
/// </remarks>
internal sealed class PaymentsClientFactory : IPaymentsClientFactory
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<PaymentsClientOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly IMeterFactory? _meterFactory;
    private readonly PaymentsClientRegistry _registry;
    private readonly IServiceProvider? _services;
    private readonly ConcurrentDictionary<string, (PaymentsClientOptions Options, ClientCore Core, ChargeJournal? Journal)> _cores = new(StringComparer.Ordinal);

    public PaymentsClientFactory(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<PaymentsClientOptions> options,
        PaymentsClientRegistry registry,
        TimeProvider? time = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        IServiceProvider? services = null)
    {
        _services = services;
        _httpClientFactory = httpClientFactory;
        _options = options;
        _registry = registry;
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _meterFactory = meterFactory;
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

        PaymentsClientOptions current = _options.Get(name);
        if (!_cores.TryGetValue(name, out (PaymentsClientOptions Options, ClientCore Core, ChargeJournal? Journal) cached) || !ReferenceEquals(cached.Options, current))
        {
            // The client's charge journal, when AddChargeJournal registered one for this name (a keyed singleton).
            cached = (current, ClientCore.Create(current, _time, _loggerFactory, _meterFactory), _services?.GetKeyedService<ChargeJournal>(name));
            _cores[name] = cached;
        }

        return new PaymentsClient(_httpClientFactory.CreateClient(PaymentsClientRegistry.HttpClientName(name)), cached.Core, cached.Journal);
    }
}
