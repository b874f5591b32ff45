using Payments.Client.Testing.Internal;

namespace Payments.Client.Testing.Requests;

/// <summary>
/// Every request, recorded on arrival and completed when answered, so a request still waiting
/// (delayed, or blocked on its idempotency key) is visible too. Thread-safe.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly ChangeSignal _changed = new();

    public int Begin(RecordedRequest request)
    {
        int sequence;
        lock (_gate)
        {
            sequence = _requests.Count + 1;
            _requests.Add(request with { Sequence = sequence });
        }

        _changed.Notify();
        return sequence;
    }

    public void Complete(int sequence, int statusCode, string? fault, bool replayed)
    {
        lock (_gate)
        {
            _requests[sequence - 1] = _requests[sequence - 1] with { StatusCode = statusCode, Fault = fault, Replayed = replayed };
        }

        _changed.Notify();
    }

    /// <summary>Marks a fault as in effect on a request still in flight (a held response).</summary>
    public void MarkFault(int sequence, string fault)
    {
        lock (_gate)
        {
            _requests[sequence - 1] = _requests[sequence - 1] with { Fault = fault };
        }

        _changed.Notify();
    }

    public Task WaitUntilAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, CancellationToken cancellationToken) =>
        _changed.WaitUntilAsync(() => condition(Snapshot()), cancellationToken);

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }
}
