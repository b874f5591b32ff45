#region usings
using Payments.Client;
using Payments.Client.Testing;
#endregion

namespace Payments.Client.Testing.Tests.Docs;

/// <summary>
/// The program of docs/articles/get-started.md, compiled and run: a console app (no host builder) charges the fake
/// API and verifies the webhook the fake signs and sends. The page includes the regions of this file.
/// </summary>
public sealed class GetStartedExamples
{
    [Fact]
    public async Task The_console_app_charges_the_fake_and_verifies_the_signed_webhook()
    {
        (ChargeResult result, PaymentsEvent received) = await ProgramAsync();

        Assert.Equal(ChargeStatus.Succeeded, result.Charge.Status);
        ChargeSucceededEvent succeeded = Assert.IsType<ChargeSucceededEvent>(received);
        Assert.Equal(result.Charge.Id, succeeded.Charge.Id);
    }

    private static async Task<(ChargeResult, PaymentsEvent)> ProgramAsync()
    {
        #region program
        // The fake Payments API on a loopback port (package Payments.Client.Testing). Later, your key and the API's address replace it.
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();

        // A console app has no host builder: a ServiceCollection gives the same registration.
        var services = new ServiceCollection();
        services.AddPaymentsClient(options =>
        {
            options.BaseAddress = api.BaseAddress;
            options.ApiKey = api.ApiKey;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        IPaymentsClient payments = provider.GetRequiredService<IPaymentsClient>();

        // The fake signs every event with this secret and posts it to the receiver (in memory here; a web app maps an endpoint).
        const string secret = "whsec_get_started";
        var receiver = new VerifyingReceiver(new PaymentsWebhookReceiver([secret]));
        api.Webhooks.Register(new Uri("http://localhost/webhooks/payments"), secret, receiver);

        ChargeResult result = await payments.ChargeAsync(new ChargeRequest
        {
            Amount = Money.ToMinorUnits(25.00m, "usd"),   // 2500: the API takes minor units
            Currency = "usd",
            CustomerId = TestCustomers.Default,
            PaymentMethodId = TestPaymentMethods.Succeeds,
            IdempotencyKey = "order-1001",
        });
        Console.WriteLine($"{result.Charge.Id}: {result.Charge.Status}");           // ch_...: succeeded

        PaymentsEvent received = await receiver.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Console.WriteLine($"{received.Type} {received.Id}: signature verified");   // charge.succeeded evt_...
        #endregion
        return (result, received);
    }
}

#region receiver
/// <summary>Receives the fake's webhook posts in memory and verifies each one, as MapPaymentsWebhooks does in a web app.</summary>
internal sealed class VerifyingReceiver(PaymentsWebhookReceiver verifier) : HttpMessageHandler
{
    public TaskCompletionSource<PaymentsEvent> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        string? signature = request.Headers.TryGetValues(PaymentsWebhookReceiver.SignatureHeaderName, out var values) ? values.Single() : null;
        try
        {
            // Checks the signature over the exact bytes, then parses: unverified bytes are never read as an event.
            Received.TrySetResult(verifier.VerifyAndParse(body, signature));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
        catch (WebhookVerificationException e)
        {
            Console.WriteLine($"rejected: {e.Reason}");
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }
    }
}
#endregion
