namespace Payments.Client.DependencyInjection;

/// <summary>The names registered with <c>AddPaymentsClient</c>, so a typo fails with a clear message.</summary>
internal sealed class PaymentsClientRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public static string HttpClientName(string name) => name.Length == 0 ? "Payments.Client" : "Payments.Client:" + name;

    public bool Contains(string name)
    {
        lock (_names)
        {
            return _names.Contains(name);
        }
    }

    public void Add(string name)
    {
        lock (_names)
        {
            _names.Add(name);
        }
    }
}
