using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Payments.Client.Webhooks.Tests;

/// <summary>The README's five webhook lines, compiled and run against a real request.</summary>
public class ReadmeExample
{
    [Fact]
    public async Task The_readme_lines_receive_a_verified_typed_event()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Payments:Webhooks:Secrets:0"] = Vectors.Current;
        builder.Configuration["Payments:Webhooks:Secrets:1"] = Vectors.Previous;
        builder.Services.AddSingleton<Fulfilled>();
        builder.Services.AddSingleton<TimeProvider>(FixtureDayClock.Instance); // the fixture's event is from 2026-06-09

        // README: receive webhooks
        builder.Services.AddPaymentsWebhooks(builder.Configuration.GetSection("Payments:Webhooks"))
            .AddWebhookHandler<ChargeSucceededEvent, FulfilOrder>()     // class FulfilOrder : IPaymentsWebhookHandler<ChargeSucceededEvent>
            .AddWebhookHandler<ChargeFailedEvent, NotifyCustomer>()
            .AddWebhookHandler<PaymentsEvent, AuditEveryEvent>();       // catch-all, unknown types included
        await using WebApplication app = builder.Build();
        app.MapPaymentsWebhooks("/webhooks/payments");

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, address + "/webhooks/payments") { Content = new ByteArrayContent(Vectors.Body("charge-succeeded.json")) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-256", Vectors.Signature("charge-succeeded.json", Vectors.Previous));

        HttpResponseMessage response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Fulfilled fulfilled = app.Services.GetRequiredService<Fulfilled>();
        Assert.Equal(["ch_2kF8xLmN4qRs"], fulfilled.Charges);
        Assert.Equal(["evt_9xK3mPq"], fulfilled.Audited);
    }

    private sealed class Fulfilled
    {
        public List<string> Charges { get; } = [];

        public List<string> Audited { get; } = [];
    }

    private sealed class FulfilOrder(Fulfilled fulfilled) : IPaymentsWebhookHandler<ChargeSucceededEvent>
    {
        public Task HandleAsync(ChargeSucceededEvent paymentsEvent, CancellationToken cancellationToken)
        {
            fulfilled.Charges.Add(paymentsEvent.Charge.Id);
            return Task.CompletedTask;
        }
    }

    private sealed class NotifyCustomer : IPaymentsWebhookHandler<ChargeFailedEvent>
    {
        public Task HandleAsync(ChargeFailedEvent paymentsEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class AuditEveryEvent(Fulfilled fulfilled) : IPaymentsWebhookHandler<PaymentsEvent>
    {
        public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
        {
            fulfilled.Audited.Add(paymentsEvent.Id);
            return Task.CompletedTask;
        }
    }
}
