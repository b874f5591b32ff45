using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Payments.Client.Webhooks;

namespace Payments.Webhooks.Sample;

/// <summary>
/// Tells a newcomer at start where the endpoint listens, which setting holds the signing secret, and a curl line
/// that posts a correctly signed event. The secret itself is never printed: only a signature of the sample body.
/// </summary>
internal static class StartupBanner
{
    public const string SecretsSetting = "Payments:Webhooks:Secrets";

    private const string Body = """{"id":"evt_try_1","type":"charge.succeeded","data":{"id":"ch_try_1","status":"succeeded","amount":2500,"currency":"usd"}}""";

    public static void PrintWhenStarted(WebApplication app, string path)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
            string endpoint = address.TrimEnd('/') + path;
            string? secret = app.Configuration.GetSection(SecretsSetting).Get<string[]>()?.FirstOrDefault();

            Console.WriteLine($"Payments webhook sample listening on {endpoint}");
            Console.WriteLine($"Signing secret: the setting {SecretsSetting} (appsettings.json here; user secrets or a vault in production)");
            if (secret is null)
            {
                Console.WriteLine($"No secret is configured under {SecretsSetting}: every delivery will be rejected.");
                return;
            }

            Console.WriteLine("Try it with a signed charge.succeeded event (send it twice: the second is a duplicate):");
            Console.WriteLine($"  curl -i -H 'Content-Type: application/json' -H '{PaymentsWebhookReceiver.SignatureHeaderName}: sha256={Sign(secret)}' -d '{Body}' {endpoint}");
            Console.WriteLine("Press Ctrl+C to stop.");
        });
    }

    private static string Sign(string secret) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Body))).ToLower(CultureInfo.InvariantCulture);
}
