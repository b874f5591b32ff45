namespace Payments.Client.Testing.Charges;

/// <summary>The charges the fake holds, in creation order, and how each pending one will settle. Thread-safe.</summary>
internal sealed class ChargeLedger
{
    private readonly object _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, FakeCharge> _charges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaymentMethodBehavior> _pending = new(StringComparer.Ordinal);

    public void Add(FakeCharge charge, PaymentMethodBehavior behavior)
    {
        lock (_gate)
        {
            _charges.Add(charge.Id, charge);
            _order.Add(charge.Id);
            if (charge.IsPending)
            {
                _pending.Add(charge.Id, behavior);
            }
        }
    }

    public FakeCharge? Find(string id)
    {
        lock (_gate)
        {
            return _charges.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<FakeCharge> Snapshot()
    {
        lock (_gate)
        {
            return _order.Select(id => _charges[id]).ToArray();
        }
    }

    public IReadOnlyList<string> PendingIds()
    {
        lock (_gate)
        {
            return _pending.Keys.ToArray();
        }
    }

    /// <summary>Moves a pending charge to its final status; null when it is not pending (already settled, or unknown).</summary>
    public FakeCharge? Settle(string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_pending.Remove(id, out PaymentMethodBehavior? behavior))
            {
                return null;
            }

            bool fails = behavior.Outcome == ChargeOutcome.PendingThenFails;
            FakeCharge settled = _charges[id] with
            {
                Status = fails ? ChargeStatus.Failed : ChargeStatus.Succeeded,
                FailureReason = fails ? behavior.FailureReason : null,
                UpdatedAt = now,
            };
            _charges[id] = settled;
            return settled;
        }
    }
}
