using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Payments.Client;

/// <summary>
/// The metadata of the models: a read-only copy that compares by content and prints as <c>{k=v, ...}</c>, so
/// records holding it keep value semantics (equal charges are equal, and <c>ToString</c> shows the pairs).
/// </summary>
internal sealed class ReadOnlyValueDictionary<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ReadOnlyValueDictionary<TValue>>
{
    public static readonly ReadOnlyValueDictionary<TValue> Empty = new(new Dictionary<string, TValue>(0, StringComparer.Ordinal));

    private readonly Dictionary<string, TValue> _pairs;

    private ReadOnlyValueDictionary(Dictionary<string, TValue> pairs) => _pairs = pairs;

    public int Count => _pairs.Count;

    public IEnumerable<string> Keys => _pairs.Keys;

    public IEnumerable<TValue> Values => _pairs.Values;

    public TValue this[string key] => _pairs[key];

    /// <summary>Copies <paramref name="source"/>, so a caller mutating its dictionary later cannot change a model.</summary>
    [return: NotNullIfNotNull(nameof(source))]
    public static ReadOnlyValueDictionary<TValue>? From(IReadOnlyDictionary<string, TValue>? source) => source switch
    {
        null => null,
        ReadOnlyValueDictionary<TValue> already => already,
        { Count: 0 } => Empty,
        _ => new(Copy(source)),
    };

    /// <summary>Wraps <paramref name="pairs"/> without a copy: for a dictionary the caller just built and hands over (ordinal keys).</summary>
    internal static ReadOnlyValueDictionary<TValue> Adopt(Dictionary<string, TValue> pairs) => new(pairs);

    public bool ContainsKey(string key) => _pairs.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => _pairs.TryGetValue(key, out value);

    /// <summary>The dictionary's own struct enumerator: a <c>foreach</c> over this type allocates nothing.</summary>
    public Dictionary<string, TValue>.Enumerator GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _pairs.GetEnumerator();

    public bool Equals(ReadOnlyValueDictionary<TValue>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count)
        {
            return false;
        }

        EqualityComparer<TValue> values = EqualityComparer<TValue>.Default;
        foreach (KeyValuePair<string, TValue> pair in _pairs)
        {
            if (!other._pairs.TryGetValue(pair.Key, out TValue? theirs) || !values.Equals(pair.Value, theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ReadOnlyValueDictionary<TValue> other && Equals(other);

    // Order-independent: equal content hashes equally whatever order the pairs were added in.
    public override int GetHashCode()
    {
        int hash = Count;
        foreach (KeyValuePair<string, TValue> pair in _pairs)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(pair.Key), pair.Value);
        }

        return hash;
    }

    // Sorted by key, so equal metadata prints identically.
    public override string ToString()
    {
        var text = new StringBuilder("{");
        foreach (KeyValuePair<string, TValue> pair in _pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(text.Length == 1 ? "" : ", ").Append(pair.Key).Append('=').Append(pair.Value);
        }

        return text.Append('}').ToString();
    }

    // Sized once, and a Dictionary (what callers pass, and what the response reader builds) is read through its struct
    // enumerator: LINQ's ToDictionary boxed an enumerator and grew the table on every charge's metadata.
    private static Dictionary<string, TValue> Copy(IReadOnlyDictionary<string, TValue> source)
    {
        var copy = new Dictionary<string, TValue>(source.Count, StringComparer.Ordinal);
        if (source is Dictionary<string, TValue> dictionary)
        {
            foreach (KeyValuePair<string, TValue> pair in dictionary)
            {
                copy.Add(pair.Key, pair.Value);
            }
        }
        else
        {
            foreach (KeyValuePair<string, TValue> pair in source)
            {
                copy.Add(pair.Key, pair.Value);
            }
        }

        return copy;
    }
}
