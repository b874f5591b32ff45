namespace Payments.Client.Testing.Internal;

/// <summary>
/// Lets tests await "until this becomes true" without polling: every change completes the current
/// task and arms a new one, and waiters re-check their condition.
/// </summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the task before checking, so a change between check and wait is not missed.
            Task changed = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
