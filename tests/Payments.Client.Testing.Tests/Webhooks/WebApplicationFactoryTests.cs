using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MerchantApp;

namespace Payments.Client.Testing.Tests.Webhooks;

/// <summary>
/// A merchant tests their own app: it runs under WebApplicationFactory, created after the fake started, and the
/// fake delivers signed webhooks into it through the factory's in-memory handler. (Any public type of the app
/// names its assembly for the factory; <c>Orders</c> does, as the test project also references a sample with a <c>Program</c>.)
/// </summary>
public sealed class WebApplicationFactoryTests
{
    private const string Secret = "whsec_merchant_app_test";

    [Fact]
    public async Task Pay_then_signed_webhook_marks_the_order_paid_and_the_app_never_charges_twice()
    {
        #region web-application-factory
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        await using WebApplicationFactory<Orders> app = new WebApplicationFactory<Orders>().WithWebHostBuilder(web => web
            .UseSetting("Payments:ApiKey", api.ApiKey)
            .UseSetting("Payments:BaseAddress", api.BaseAddress.ToString())
            .UseSetting("Payments:Webhooks:Secrets:0", Secret)
            .UseSetting("Checkout:CustomerId", TestCustomers.Default)
            .UseSetting("Checkout:PaymentMethodId", TestPaymentMethods.Succeeds));
        using HttpClient browser = app.CreateClient();
        api.Webhooks.Register(new Uri(app.Server.BaseAddress, "/webhooks/payments"), Secret, app.Server.CreateHandler());

        using HttpResponseMessage paid = await browser.PostAsync(new Uri("/orders/o-1/pay", UriKind.Relative), null);
        await api.Webhooks.WaitUntilAsync(d => d.Count == 1 && d[0].State != WebhookDeliveryState.InProgress, Timeouts.Short);
        #endregion
        string order = await browser.GetStringAsync(new Uri("/orders/o-1", UriKind.Relative));
        using HttpResponseMessage again = await browser.PostAsync(new Uri("/orders/o-1/pay", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        WebhookDelivery delivery = Assert.Single(api.Webhooks.Deliveries);
        Assert.Equal((WebhookDeliveryState.Delivered, 200), (delivery.State, delivery.Attempts.Single().StatusCode));
        Assert.Equal("paid", order);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        FakeCharge charge = Assert.Single(api.Charges);
        Assert.Equal(ChargeStatus.Succeeded, charge.Status);
    }

    [Fact]
    public async Task A_webhook_signed_with_another_secret_is_rejected_by_the_app()
    {
        await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
        await using WebApplicationFactory<Orders> app = new WebApplicationFactory<Orders>().WithWebHostBuilder(web => web
            .UseSetting("Payments:ApiKey", api.ApiKey)
            .UseSetting("Payments:Webhooks:Secrets:0", Secret));
        using HttpClient browser = app.CreateClient();
        // created_at is now: an event older than the deduplication window would be answered without running handlers.
        string body = $$"""{"id":"evt_1","type":"charge.succeeded","created_at":"{{DateTimeOffset.UtcNow:O}}","data":{"id":"ch_1","status":"succeeded","metadata":{"order_id":"o-2"} } }""";

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payments") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        forged.Headers.Add(WebhookSigner.HeaderName, WebhookSigner.Sign(body, "whsec_someone_else"));
        using HttpResponseMessage rejected = await browser.SendAsync(forged);
        using var signed = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payments") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        signed.Headers.Add(WebhookSigner.HeaderName, WebhookSigner.Sign(body, Secret));
        using HttpResponseMessage accepted = await browser.SendAsync(signed);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.True(accepted.IsSuccessStatusCode, $"a body signed with WebhookSigner and the app's secret was answered {(int)accepted.StatusCode}");
        Assert.Equal("paid", await browser.GetStringAsync(new Uri("/orders/o-2", UriKind.Relative)));
    }
}
