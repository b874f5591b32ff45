using System.Collections.Concurrent;

namespace Payments.Client.DependencyInjection;

/// <summary>The names registered with <c>AddPaymentsClient</c>, so a typo fails with a clear message.</summary>
internal sealed class PaymentsClientRegistry
{
    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public static string HttpClientName(string name) => name.Length == 0 ? "Payments.Client" : "Payments.Client:" + name;

    /// <summary>The inverse of <see cref="HttpClientName"/>: which Payments client an HTTP client builder belongs to.</summary>
    public static bool TryGetClientName(string httpClientName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name)
    {
        name = httpClientName == "Payments.Client" ? string.Empty
            : httpClientName.StartsWith("Payments.Client:", StringComparison.Ordinal) ? httpClientName["Payments.Client:".Length..]
            : null;
        return name is not null;
    }

    public bool Contains(string name) => _names.ContainsKey(name);

    public void Add(string name) => _names.TryAdd(name, true);
}
