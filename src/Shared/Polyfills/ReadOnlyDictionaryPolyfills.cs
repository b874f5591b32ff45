// Kept: neither PolySharp 1.17 nor Polyfill 11.4 has ReadOnlyDictionary<TKey, TValue>.Empty.
using System.Collections.Generic;
using System.Collections.ObjectModel;

// In System, not System.Collections.ObjectModel: the shared source names the type fully qualified, without a
// using, and an extension is found only through a namespace in scope (System is in every file's implicit usings).
namespace System
{
    // ReadOnlyDictionary<TKey, TValue>.Empty (.NET 8): one shared empty instance per type pair, never mutated.
    internal static class ReadOnlyDictionaryPolyfills
    {
        extension<TKey, TValue>(ReadOnlyDictionary<TKey, TValue>)
            where TKey : notnull
        {
            public static ReadOnlyDictionary<TKey, TValue> Empty => EmptyReadOnlyDictionary<TKey, TValue>.Instance;
        }

        private static class EmptyReadOnlyDictionary<TKey, TValue>
            where TKey : notnull
        {
            public static readonly ReadOnlyDictionary<TKey, TValue> Instance = new(new Dictionary<TKey, TValue>(0));
        }
    }
}
