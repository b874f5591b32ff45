using System.Collections.Concurrent;

namespace Payments.Client.Sample.Journal;

/// <summary>The sample's outcome handler: where an order would be fulfilled, it hands the final state to whoever waits for it.</summary>
public sealed class SampleOutcomes : IChargeOutcomeHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ChargeJournalEntry>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Completes when the outcome of the charge with this merchant reference has been handled.</summary>
    /// <param name="merchantReference">The order.</param>
    /// <returns>The final entry.</returns>
    public Task<ChargeJournalEntry> WaitAsync(string merchantReference) => Waiter(merchantReference).Task;

    /// <inheritdoc/>
    public Task HandleAsync(ChargeJournalEntry charge, CancellationToken cancellationToken)
    {
        // A real handler fulfils the order here, idempotently on charge.IdempotencyKey: it runs at least once.
        Waiter(charge.MerchantReference).TrySetResult(charge);
        return Task.CompletedTask;
    }

    private TaskCompletionSource<ChargeJournalEntry> Waiter(string reference) =>
        _waiting.GetOrAdd(reference, static _ => new TaskCompletionSource<ChargeJournalEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
}
