namespace Payments.Client.Tests;

/// <summary>A merchant's test stubs IPaymentsClient: polling must run on the clock the test gives, never the real one.</summary>
public sealed class WaitForCompletionOnAnyClockTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Polls_a_hand_written_stub_on_a_fake_clock_without_real_sleeps()
    {
        var time = new TestClock();
        var stub = new StubClient(pendingReads: 3);

        #region any-clock
        Task<Charge> waiting = stub.WaitForCompletionAsync("ch_1", TimeSpan.FromMinutes(1), time, CancellationToken.None);
        #endregion
        await stub.WaitForReadsAsync(1);
        foreach ((TimeSpan pause, int reads) in new[] { (TimeSpan.FromSeconds(0.5), 2), (TimeSpan.FromSeconds(1), 3), (TimeSpan.FromSeconds(2), 4) })
        {
            await ParkedAsync(time);
            time.Advance(pause - TimeSpan.FromMilliseconds(1));
            Assert.Equal(reads - 1, stub.Reads);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await stub.WaitForReadsAsync(reads);
        }

        Charge charge = await waiting.WaitAsync(Deadline);
        Assert.Equal(ChargeStatus.Succeeded, charge.Status);
        Assert.Equal(4, stub.Reads);
    }

    [Fact]
    public async Task Gives_up_when_the_timeout_passes_on_the_fake_clock()
    {
        var time = new TestClock();
        var stub = new StubClient(pendingReads: int.MaxValue);

        Task<Charge> waiting = stub.WaitForCompletionAsync("ch_1", TimeSpan.FromSeconds(1), time, CancellationToken.None);
        await stub.WaitForReadsAsync(1);
        await ParkedAsync(time);
        time.Advance(TimeSpan.FromSeconds(0.5));
        await stub.WaitForReadsAsync(2);
        await ParkedAsync(time);
        time.Advance(TimeSpan.FromSeconds(0.5));

        Charge charge = await waiting.WaitAsync(Deadline);
        Assert.Equal(ChargeStatus.Pending, charge.Status);
        Assert.Equal(3, stub.Reads);
    }

    // The poller arms its next pause right after a read returns, on its own thread: the clock moves only once it has.
    private static Task ParkedAsync(TestClock time) => time.WaitForWaitsAsync(1, "the poller arms its next pause");

    /// <summary>What a merchant writes instead of a mocking library: pending for a while, then succeeded.</summary>
    private sealed class StubClient(int pendingReads) : IPaymentsClient
    {
        private readonly SemaphoreSlim _read = new(0);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ChargeResult> GetChargeAsync(string chargeId, CancellationToken cancellationToken = default)
        {
            int read = Interlocked.Increment(ref _reads);
            _read.Release();
            return Task.FromResult(new ChargeResult(new Charge { Id = chargeId, Status = read > pendingReads ? ChargeStatus.Succeeded : ChargeStatus.Pending }, null, null, 1));
        }

        public async Task WaitForReadsAsync(int count)
        {
            while (Reads < count)
            {
                Assert.True(await _read.WaitAsync(Deadline), $"the poller did not read the charge a {count}. time within {Deadline}");
            }
        }
    }
}
