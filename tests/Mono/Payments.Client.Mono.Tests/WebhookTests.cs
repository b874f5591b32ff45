using System.Security.Cryptography;
using System.Text;
using Payments.Client.Webhooks;

namespace Payments.Client.Mono.Tests;

/// <summary>Webhooks signed by the fake API (its own signer, in .NET 10) verified and parsed by the net462 build on Mono.</summary>
public sealed class WebhookTests
{
    private const string Secret = "whsec_mono_current";
    private const string OldSecret = "whsec_mono_previous";

    [Fact]
    public async Task A_webhook_signed_by_the_fake_verifies_and_parses_into_a_typed_event()
    {
        (byte[] body, string signature, string chargeId) = await DeliveredAsync();

        PaymentsEvent parsed = new PaymentsWebhookReceiver([Secret]).VerifyAndParse(body, signature);

        var succeeded = Assert.IsType<ChargeSucceededEvent>(parsed);
        Assert.Equal(chargeId, succeeded.Charge.Id);
        Assert.Equal(ChargeStatus.Succeeded, succeeded.Charge.Status);
    }

    [Fact]
    public async Task During_rotation_either_secret_verifies_and_a_retired_one_does_not()
    {
        (byte[] body, string signature, _) = await DeliveredAsync();

        Assert.IsType<ChargeSucceededEvent>(new PaymentsWebhookReceiver([OldSecret, Secret]).VerifyAndParse(body, signature));
        var rejected = Assert.Throws<WebhookVerificationException>(() => new PaymentsWebhookReceiver([OldSecret]).VerifyAndParse(body, signature));
        Assert.Equal(WebhookFailureReason.SignatureMismatch, rejected.Reason);
    }

    [Fact]
    public async Task A_tampered_body_or_signature_is_rejected()
    {
        (byte[] body, string signature, _) = await DeliveredAsync();
        var receiver = new PaymentsWebhookReceiver([Secret]);

        byte[] tampered = (byte[])body.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        Assert.Equal(WebhookFailureReason.SignatureMismatch, Assert.Throws<WebhookVerificationException>(() => receiver.VerifyAndParse(tampered, signature)).Reason);

        string flipped = signature.Substring(0, signature.Length - 1) + (signature[signature.Length - 1] == '0' ? '1' : '0');
        Assert.Equal(WebhookFailureReason.SignatureMismatch, Assert.Throws<WebhookVerificationException>(() => receiver.VerifyAndParse(body, flipped)).Reason);
        Assert.Equal(WebhookFailureReason.MissingSignature, Assert.Throws<WebhookVerificationException>(() => receiver.VerifyAndParse(body, null)).Reason);
    }

    [Fact]
    public void A_signature_made_here_with_the_framework_HMAC_verifies()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"id\":\"evt_mono_1\",\"type\":\"charge.succeeded\",\"created\":1700000000,\"data\":{\"id\":\"ch_mono_1\",\"object\":\"charge\",\"status\":\"succeeded\",\"amount\":100,\"currency\":\"usd\"}}");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        string signature = "sha256=" + BitConverter.ToString(hmac.ComputeHash(body)).Replace("-", string.Empty).ToLowerInvariant();

        PaymentsEvent parsed = new PaymentsWebhookReceiver([Secret]).VerifyAndParse(body, signature);

        Assert.Equal("evt_mono_1", parsed.Id);
    }

    /// <summary>Registers a subscription, charges, and returns the first delivery the fake signed.</summary>
    private static async Task<(byte[] Body, string Signature, string ChargeId)> DeliveredAsync()
    {
        using FakeApiProcess api = await FakeApiProcess.StartAsync();
        // Nothing listens on port 9 (discard): the fake records the signed delivery whether or not it arrives.
        await api.SendAsync($"register-webhook http://127.0.0.1:9/webhooks {Secret}");
        using var provider = ClientTests.Services(api);
        ChargeResult charged = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IPaymentsClient>(provider).ChargeAsync(ClientTests.Charge("pm_test_succeeds"));

        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            string header = await api.SendAsync("deliveries");
            int count = int.Parse(header.Substring("deliveries ".Length), System.Globalization.CultureInfo.InvariantCulture);
            var lines = new List<string>();
            for (int i = 0; i < count; i++)
            {
                lines.Add(await api.ReadLineAsync());
            }

            foreach (string[] words in lines.Select(l => l.Split(' ')))
            {
                if (words[0] == "charge.succeeded" && words[1] == charged.Charge.Id)
                {
                    return (Convert.FromBase64String(words[3]), words[2], words[1]);
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"The fake recorded no charge.succeeded delivery for {charged.Charge.Id} within 30 s.");
            await Task.Delay(50); // bounded poll (30 s deadline above): the fake delivers from its own process
        }
    }
}
