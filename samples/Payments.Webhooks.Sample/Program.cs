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

// The durable inbox: each verified delivery is stored in a SQLite file (inbox.db beside this project, ignored by git)
// and answered 200 at once; the handlers run in the background with retries. Inspect it: payments inbox list --sqlite inbox.db
builder.Services.AddSqliteWebhookInbox(builder.Configuration["Payments:Inbox:Sqlite"] ?? Path.Combine(builder.Environment.ContentRootPath, "inbox.db"));

WebApplication app = builder.Build();
app.MapPaymentsWebhooks("/webhooks/payments");
StartupBanner.PrintWhenStarted(app, "/webhooks/payments");
app.Run();
