namespace Payments.Client.Stores.Tests.Support;

/// <summary>Counts by label, thread-safe.</summary>
internal sealed class Tally
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string label)
    {
        lock (_counts)
        {
            _counts[label] = _counts.GetValueOrDefault(label) + 1;
        }
    }

    public int this[string label]
    {
        get
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(label);
            }
        }
    }

    public override string ToString()
    {
        lock (_counts)
        {
            return string.Join(", ", _counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
        }
    }
}
