using System.Collections.Concurrent;

namespace Payments.Client.Testing.Idempotency;

/// <summary>
/// Remembers the first response per key for the configured window (24 hours by default) on the fake's
/// clock. One lock per key: a second request with a key waits for the first to finish and then sees
/// its stored response, so concurrent retries can never charge twice.
/// </summary>
internal sealed class IdempotencyStore
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredResponse> _responses = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;

    public IdempotencyStore(TimeProvider time, TimeSpan window)
    {
        _time = time;
        _window = window;
    }

    public async Task<Lease> LockAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = _locks.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(gate);
    }

    /// <summary>The response stored for the key, unless none was or it is older than the window. Call under the key's lock.</summary>
    public StoredResponse? Find(string key)
    {
        if (!_responses.TryGetValue(key, out StoredResponse? stored))
        {
            return null;
        }

        if (_time.GetUtcNow() - stored.StoredAt >= _window)
        {
            _responses.TryRemove(key, out _);
            return null;
        }

        return stored;
    }

    /// <summary>Call under the key's lock.</summary>
    public void Save(string key, StoredResponse response) => _responses[key] = response;

    internal readonly struct Lease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
