namespace Payments.Client.Testing.Tests.EndToEnd;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddPaymentsClient_pointed_at_the_fake_charges_and_reads()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        var services = new ServiceCollection();
        services.AddPaymentsClient(options =>
        {
            options.BaseAddress = api.BaseAddress;
            options.ApiKey = api.ApiKey;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClient client = provider.GetRequiredService<IPaymentsClient>();
        api.Faults.FailNext(1, 502);

        ChargeResult result = await client.ChargeAsync(ClientChargeTests.Request());
        Charge read = (await client.GetChargeAsync(result.Charge.Id)).Charge;

        Assert.Equal(2, result.Attempts);
        Assert.Equal(result.Charge.Id, read.Id);
        Assert.Single(api.Charges);
    }
}
