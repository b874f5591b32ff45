using System.Collections.Concurrent;

namespace Payments.Client.DependencyInjection;

/// <summary>The names registered with <c>AddPaymentsClient</c>, so a typo fails with a clear message.</summary>
internal sealed class PaymentsClientRegistry
{
    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public static string HttpClientName(string name) => name.Length == 0 ? "Payments.Client" : "Payments.Client:" + name;

    public bool Contains(string name) => _names.ContainsKey(name);

    public void Add(string name) => _names.TryAdd(name, true);
}
