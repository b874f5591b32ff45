namespace Payments.Client.Testing.Tests.Support;

/// <summary>Tests that each get a fresh fake with default options, and plain HTTP to it.</summary>
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
