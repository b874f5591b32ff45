// Checkout: POST /orders/{id}/pay charges once per order (the order id is the idempotency key); the
// charge.succeeded webhook marks the order paid, and a paid order is never charged again. The documentation site
// includes its regions (docs/articles/webhooks.md).
using MerchantApp;
using Payments.Client;
using Payments.Client.Webhooks;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
#region register
builder.Services.AddPaymentsClient(builder.Configuration.GetSection("Payments"));
builder.Services.AddPaymentsWebhooks(builder.Configuration.GetSection("Payments:Webhooks"))
    .AddWebhookHandler<ChargeSucceededEvent, MarkOrderPaid>();
#endregion
builder.Services.AddSingleton<Orders>();

WebApplication app = builder.Build();
#region map
app.MapPaymentsWebhooks("/webhooks/payments");
#endregion
app.MapPost("/orders/{id}/pay", async (string id, Orders orders, IPaymentsClient payments, CancellationToken ct) =>
{
    if (orders.IsPaid(id))
    {
        return Results.Conflict($"order {id} is already paid");
    }

    ChargeResult result = await payments.ChargeAsync(new ChargeRequest
    {
        Amount = 2500,
        Currency = "usd",
        CustomerId = app.Configuration["Checkout:CustomerId"]!,
        PaymentMethodId = app.Configuration["Checkout:PaymentMethodId"],
        IdempotencyKey = "order-" + id,
        Metadata = new Dictionary<string, string> { ["order_id"] = id },
    }, ct);
    return Results.Ok(result.Charge.Status.ToString());
});
app.MapGet("/orders/{id}", (string id, Orders orders) => orders.IsPaid(id) ? "paid" : "unpaid");
app.Run();
