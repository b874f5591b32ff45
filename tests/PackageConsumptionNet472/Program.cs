// A .NET Framework 4.7.2 merchant's console app built only from the packed .nupkg files, run under Mono by
// .ci/package-test-net472: charge the fake API (address and key as arguments), handle a decline, verify a
// webhook. Prints "package consumption (net472 on Mono): ok" and exits 0 when everything works.
using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Payments.Client;
using Payments.Client.Webhooks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var services = new ServiceCollection();
        services.AddPaymentsClient(o =>
        {
            o.BaseAddress = new Uri(args[0]);
            o.ApiKey = args[1];
        });
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            IPaymentsClient payments = provider.GetRequiredService<IPaymentsClient>();

            ChargeResult charged = await payments.ChargeAsync(new ChargeRequest
            {
                Amount = Money.ToMinorUnits(25.00m, "usd"),
                Currency = "usd",
                CustomerId = "cus_test_default",
                PaymentMethodId = "pm_test_succeeds",
            });
            Console.WriteLine($"charged {charged.Charge.Id}: {charged.Charge.Status} (key {charged.IdempotencyKey})");

            try
            {
                await payments.ChargeAsync(new ChargeRequest { Amount = 2500, Currency = "usd", CustomerId = "cus_test_default", PaymentMethodId = "pm_test_insufficient_funds" });
                Console.WriteLine("expected a decline");
                return 1;
            }
            catch (CardDeclinedException e)
            {
                Console.WriteLine($"declined: {e.FailureReason}");
            }

            byte[] body = Encoding.UTF8.GetBytes("{\"id\":\"evt_1\",\"type\":\"charge.succeeded\",\"data\":{\"id\":\"ch_1\",\"status\":\"succeeded\"}}");
            string signature;
            using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("whsec_pkg")))
            {
                signature = "sha256=" + BitConverter.ToString(hmac.ComputeHash(body)).Replace("-", string.Empty).ToLowerInvariant();
            }

            PaymentsEvent evt = new PaymentsWebhookReceiver(new[] { "whsec_pkg" }).VerifyAndParse(body, signature);
            Console.WriteLine($"webhook: {evt.GetType().Name}");

            string runtime = Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET Framework";
            if (charged.Charge.Status != ChargeStatus.Succeeded || !(evt is ChargeSucceededEvent))
            {
                return 1;
            }

            Console.WriteLine($"package consumption (net472 on {runtime}): ok");
            return 0;
        }
    }
}
