// A .NET 8 merchant program built only from the packed .nupkg files, with Microsoft.Extensions.* 8.0.x pinned:
// runs on the 8.0 runtime, loads the 8.0 extensions (not app-local 10.0 copies), charges the fake API and
// verifies a webhook signed by WebhookSigner. Prints "package consumption (net8.0): ok" and exits 0.
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Client;
using Payments.Client.Testing;
using Payments.Client.Webhooks;

int http = typeof(IHttpClientFactory).Assembly.GetName().Version!.Major;
Console.WriteLine($"runtime {Environment.Version}, Microsoft.Extensions.Http {http}");
if (Environment.Version.Major != 8 || http != 8)
{
    Console.WriteLine("expected the .NET 8 runtime and Microsoft.Extensions.Http 8");
    return 1;
}

await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
var services = new ServiceCollection();
services.AddPaymentsClient("eu", o =>
{
    o.BaseAddress = api.BaseAddress;
    o.ApiKey = api.ApiKey;
});
await using ServiceProvider provider = services.BuildServiceProvider();
IPaymentsClient payments = provider.GetRequiredKeyedService<IPaymentsClient>("eu");

ChargeResult charged = await payments.ChargeAsync(new ChargeRequest
{
    Amount = Money.ToMinorUnits(25.00m, "usd"),
    Currency = "usd",
    CustomerId = TestCustomers.Default,
    PaymentMethodId = TestPaymentMethods.Succeeds,
});
Console.WriteLine($"charged {charged.Charge.Id}: {charged.Charge.Status}");

string body = """{"id":"evt_1","type":"charge.succeeded","data":{"id":"ch_1","status":"succeeded"}}""";
PaymentsEvent evt = new PaymentsWebhookReceiver(["whsec_pkg"]).VerifyAndParse(Encoding.UTF8.GetBytes(body), WebhookSigner.Sign(body, "whsec_pkg"));
Console.WriteLine($"webhook: {evt.GetType().Name}");

if (charged.Charge.Status != ChargeStatus.Succeeded || evt is not ChargeSucceededEvent)
{
    return 1;
}

Console.WriteLine("package consumption (net8.0): ok");
return 0;
