namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// The default store: event ids in memory with expiry on a <see cref="TimeProvider"/>. A claim that is
/// never completed (a handler that hangs) lapses after 10 minutes so a redelivery can run. Expired ids
/// are swept as the store grows, so memory stays bounded by the traffic of one window.
/// </summary>
internal sealed class InMemoryWebhookDeduplicationStore(TimeProvider time) : IWebhookDeduplicationStore
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, (bool Handled, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private int _sweepAt = 1024;

    public ValueTask<WebhookDeliveryState> TryBeginAsync(string eventId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(eventId, out (bool Handled, DateTimeOffset Expires) entry) && entry.Expires > now)
            {
                return new(entry.Handled ? WebhookDeliveryState.AlreadyHandled : WebhookDeliveryState.InProgress);
            }

            SweepIfLarge(now);
            _entries[eventId] = (false, now + ClaimLifetime);
            return new(WebhookDeliveryState.New);
        }
    }

    public ValueTask CompleteAsync(string eventId, TimeSpan window, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries[eventId] = (true, time.GetUtcNow() + window);
        }

        return default;
    }

    public ValueTask AbandonAsync(string eventId)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(eventId, out (bool Handled, DateTimeOffset Expires) entry) && !entry.Handled)
            {
                _entries.Remove(eventId);
            }
        }

        return default;
    }

    private void SweepIfLarge(DateTimeOffset now)
    {
        if (_entries.Count < _sweepAt)
        {
            return;
        }

        foreach (KeyValuePair<string, (bool Handled, DateTimeOffset Expires)> pair in _entries)
        {
            if (pair.Value.Expires <= now)
            {
                _entries.Remove(pair.Key);
            }
        }

        _sweepAt = Math.Max(1024, _entries.Count * 2);
    }
}
