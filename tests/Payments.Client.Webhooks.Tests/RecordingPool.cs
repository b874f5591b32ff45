namespace Payments.Client.Webhooks.Tests;

/// <summary>The shared pool, with the largest array it handed out and a signal at the first rental.</summary>
internal sealed class RecordingPool : ArrayPool<byte>
{
    private int _largest;

    public TaskCompletionSource FirstRent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int LargestRented => Volatile.Read(ref _largest);

    public override byte[] Rent(int minimumLength)
    {
        byte[] array = Shared.Rent(minimumLength);
        int seen;
        while (array.Length > (seen = Volatile.Read(ref _largest)) && Interlocked.CompareExchange(ref _largest, array.Length, seen) != seen)
        {
        }

        FirstRent.TrySetResult();
        return array;
    }

    public override void Return(byte[] array, bool clearArray = false) => Shared.Return(array, clearArray);
}
