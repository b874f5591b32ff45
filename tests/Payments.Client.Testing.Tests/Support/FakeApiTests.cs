namespace Payments.Client.Testing.Tests.Support;

/// <summary>Tests that each get a fresh fake with default options; <see cref="Raw"/> is plain HTTP to it, for tests of the wire itself.</summary>
public abstract class FakeApiTests : IAsyncLifetime
{
    private protected FakePaymentsApi Api { get; private set; } = null!;

    private protected RawApi Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await FakePaymentsApi.StartAsync();
        Raw = new RawApi(Api);
    }

    public async Task DisposeAsync()
    {
        Raw.Dispose();
        await Api.DisposeAsync();
    }
}
