namespace Payments.Client.Stores;

/// <summary>
/// Creates a feature's schema once, on first use, when the merchant left creation on; a failed creation (the database
/// was down) is tried again by the next caller instead of being remembered.
/// </summary>
internal sealed class SchemaGate(Func<CancellationToken, Task> create, bool enabled)
{
    private readonly object _gate = new();
    private Task? _creating;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return Task.CompletedTask;
        }

        Task creating;
        lock (_gate)
        {
            if (_creating is null || _creating.IsFaulted || _creating.IsCanceled)
            {
                // Not the caller's token: one caller giving up must not fail the creation for the others.
                _creating = create(CancellationToken.None);
            }

            creating = _creating;
        }

        return creating.IsCompletedSuccessfully ? Task.CompletedTask : creating.WaitAsync(cancellationToken);
    }
}
