namespace Payments.Client.Testing.Requests;

/// <summary>
/// Every request, recorded on arrival and completed when answered, so a request still waiting
/// (delayed, or blocked on its idempotency key) is visible too. Thread-safe.
/// </summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    public int Begin(RecordedRequest request)
    {
        lock (_gate)
        {
            int sequence = _requests.Count + 1;
            _requests.Add(request with { Sequence = sequence });
            return sequence;
        }
    }

    public void Complete(int sequence, int statusCode, string? fault, bool replayed)
    {
        lock (_gate)
        {
            _requests[sequence - 1] = _requests[sequence - 1] with { StatusCode = statusCode, Fault = fault, Replayed = replayed };
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }
}
