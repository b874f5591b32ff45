using System.Collections.Concurrent;
using Payments.Client.Webhooks;

namespace Payments.Client.Sample.Webhooks;

/// <summary>Where the webhook handler leaves each settled charge, for the step that waits on it.</summary>
public sealed class SettledCharges
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ChargeEvent>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Completes when a verified charge.succeeded / charge.failed event for <paramref name="chargeId"/> arrives.</summary>
    /// <param name="chargeId">The charge.</param>
    /// <returns>The event.</returns>
    public Task<ChargeEvent> WaitAsync(string chargeId) => Slot(chargeId).Task;

    /// <summary>Records a verified event.</summary>
    /// <param name="chargeEvent">The event.</param>
    public void Add(ChargeEvent chargeEvent) => Slot(chargeEvent.Charge.Id).TrySetResult(chargeEvent);

    private TaskCompletionSource<ChargeEvent> Slot(string chargeId) =>
        _waiting.GetOrAdd(chargeId, static _ => new TaskCompletionSource<ChargeEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
}
