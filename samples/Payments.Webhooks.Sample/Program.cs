// An ASP.NET Core app that receives verified, typed Payments webhooks:
//   dotnet run --project samples/Payments.Webhooks.Sample
// then POST a signed event to http://127.0.0.1:5080/webhooks/payments (see README.md beside this file).
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
