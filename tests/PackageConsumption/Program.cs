// A merchant's program built only from the packed .nupkg files: charge the fake API, handle a decline,
// verify a webhook. Prints "package consumption: ok" and exits 0 when everything works.
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payments.Client;
using Payments.Client.Testing;
using Payments.Client.Webhooks;

await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
var services = new ServiceCollection();
services.AddPaymentsClient(o =>
{
    o.BaseAddress = api.BaseAddress;
    o.ApiKey = api.ApiKey;
});
await using ServiceProvider provider = services.BuildServiceProvider();
IPaymentsClient payments = provider.GetRequiredService<IPaymentsClient>();

ChargeResult charged = await payments.ChargeAsync(new ChargeRequest
{
    Amount = Money.ToMinorUnits(25.00m, "usd"),
    Currency = "usd",
    CustomerId = TestCustomers.Default,
    PaymentMethodId = TestPaymentMethods.Succeeds,
});
Console.WriteLine($"charged {charged.Charge.Id}: {charged.Charge.Status}");

try
{
    await payments.ChargeAsync(new ChargeRequest { Amount = 2500, Currency = "usd", CustomerId = TestCustomers.Default, PaymentMethodId = TestPaymentMethods.InsufficientFunds });
    throw new InvalidOperationException("expected a decline");
}
catch (CardDeclinedException e)
{
    Console.WriteLine($"declined: {e.FailureReason}");
}

byte[] body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"charge.succeeded","data":{"id":"ch_1","status":"succeeded"}}""");
string signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("whsec_pkg"u8, body));
PaymentsEvent evt = new PaymentsWebhookReceiver(["whsec_pkg"]).VerifyAndParse(body, signature);
Console.WriteLine($"webhook: {evt.GetType().Name}");

if (charged.Charge.Status != ChargeStatus.Succeeded || evt is not ChargeSucceededEvent)
{
    return 1;
}

Console.WriteLine("package consumption: ok");
return 0;
