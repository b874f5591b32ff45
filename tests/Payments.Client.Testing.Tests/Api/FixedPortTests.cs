using System.Net.Sockets;

namespace Payments.Client.Testing.Tests.Api;

public sealed class FixedPortTests
{
    [Fact]
    public async Task A_fixed_port_is_the_one_listened_on_and_answers()
    {
        // Another process may take a port between probing and binding; a few probes make that race harmless.
        for (int probe = 1; ; probe++)
        {
            int port = FreePort();
            FakePaymentsApi api;
            try
            {
                api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { Port = port });
            }
            catch (IOException) when (probe < 5)
            {
                continue;
            }

            await using (api)
            {
                Assert.Equal(new Uri($"http://127.0.0.1:{port}/v1/"), api.BaseAddress);
                using var raw = new RawApi(api);
                RawResponse response = await raw.PostAsync(RawApi.V1Body("k1"), "k1");
                Assert.Equal(200, response.Status);
            }

            return;
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task A_port_outside_the_range_is_refused(int port)
    {
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { Port = port }));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
