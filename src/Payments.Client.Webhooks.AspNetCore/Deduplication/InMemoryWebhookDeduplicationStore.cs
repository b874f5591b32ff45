using System.Globalization;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>
/// The default store: event ids in memory with expiry on a <see cref="TimeProvider"/>. A claim that is
/// never completed (a handler that hangs) lapses after 10 minutes so a redelivery can run. Expired ids
/// are swept as the store grows, so memory stays bounded by the traffic of one window.
/// </summary>
internal sealed class InMemoryWebhookDeduplicationStore(TimeProvider time) : IWebhookDeduplicationStore
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _claims;
    private int _sweepAt = 1024;

    public ValueTask<DeduplicationClaim> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(eventId, out Entry entry) && entry.Expires > now)
            {
                return new(entry.Token is null ? DeduplicationClaim.AlreadyHandled(eventId) : DeduplicationClaim.InProgress(eventId));
            }

            SweepIfLarge(now);
            string token = (++_claims).ToString(CultureInfo.InvariantCulture);
            _entries[eventId] = new Entry(token, now + ClaimLifetime);
            return new(DeduplicationClaim.Claimed(eventId, token));
        }
    }

    public ValueTask CompleteAsync(DeduplicationClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        string token = claim.RequireOwnerToken();
        DateTimeOffset now = time.GetUtcNow();
        lock (_gate)
        {
            // A lapsed claim that nobody took since is still recorded: the handlers did run.
            if (!_entries.TryGetValue(claim.EventId, out Entry entry) || entry.Expires <= now || entry.Token == token)
            {
                _entries[claim.EventId] = new Entry(null, now + window);
            }
        }

        return default;
    }

    public ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        string token = claim.RequireOwnerToken();
        lock (_gate)
        {
            if (_entries.TryGetValue(claim.EventId, out Entry entry) && entry.Token == token)
            {
                _entries.Remove(claim.EventId);
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

        foreach (KeyValuePair<string, Entry> pair in _entries)
        {
            if (pair.Value.Expires <= now)
            {
                _entries.Remove(pair.Key);
            }
        }

        _sweepAt = Math.Max(1024, _entries.Count * 2);
    }

    /// <summary>A claim (its owner token) or, with no token, a handled id.</summary>
    private readonly record struct Entry(string? Token, DateTimeOffset Expires);
}
