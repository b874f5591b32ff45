// An ASP.NET Core app that receives verified, typed Payments webhooks:
//   dotnet run --project samples/Payments.Webhooks.Sample
// then send it a signed event: payments trigger charge.succeeded --forward-to http://127.0.0.1:5080/webhooks/payments --secret whsec_sample_only_change_me
using Payments.Client.Webhooks;
using Payments.Webhooks.Sample;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);

builder.Services.AddPaymentsWebhooks(builder.Configuration.GetSection("Payments:Webhooks"))
    .AddWebhookHandler<ChargeSucceededEvent, FulfilOrder>()
    .AddWebhookHandler<ChargeFailedEvent, NotifyCustomer>()
    .AddWebhookHandler<PaymentsEvent, AuditEveryEvent>();

WebApplication app = builder.Build();
app.MapPaymentsWebhooks("/webhooks/payments");
StartupBanner.PrintWhenStarted(app, "/webhooks/payments");
app.Run();
