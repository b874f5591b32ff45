using System.Collections.Concurrent;
using Payments.Client.Testing.Webhooks;

namespace Payments.Client.Testing.Charges;

/// <summary>
/// Settles pending charges after <see cref="FakePaymentsApiOptions.PendingDelay"/> on the fake's clock
/// (a fake clock settles them when the test advances it), or at once when a test asks.
/// Each settlement publishes its webhook event.
/// </summary>
internal sealed class PendingSettlement : IDisposable
{
    private readonly ChargeLedger _ledger;
    private readonly WebhookDispatcher _webhooks;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);

    public PendingSettlement(ChargeLedger ledger, WebhookDispatcher webhooks, TimeProvider time, TimeSpan delay)
    {
        _ledger = ledger;
        _webhooks = webhooks;
        _time = time;
        _delay = delay;
    }

    public void Schedule(string chargeId)
    {
        if (_delay == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        ITimer timer = _time.CreateTimer(
            static state =>
            {
                var (self, id) = ((PendingSettlement, string))state!;
                self.Settle(id);
            },
            (this, chargeId),
            _delay,
            Timeout.InfiniteTimeSpan);

        // A timer that already fired (a zero delay) settled its charge; it is disposed with the rest.
        _timers.TryAdd(chargeId, timer);
    }

    /// <returns>How many charges settled.</returns>
    public int SettleNow(string? chargeId)
    {
        int settled = 0;
        foreach (string id in chargeId is null ? _ledger.PendingIds() : [chargeId])
        {
            if (Settle(id))
            {
                settled++;
            }
        }

        return settled;
    }

    public void Dispose()
    {
        foreach (ITimer timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    private bool Settle(string chargeId)
    {
        if (_timers.TryRemove(chargeId, out ITimer? timer))
        {
            timer.Dispose();
        }

        FakeCharge? settled = _ledger.Settle(chargeId, _time.GetUtcNow());
        if (settled is null)
        {
            return false;
        }

        _webhooks.Publish(settled);
        return true;
    }
}
