// FakePaymentsApi in a process of its own, driven over stdin/stdout one line at a time:
//   started:  "ready <base address> <api key>"
//   commands: "fail-next <count> <status>", "rate-limit-next <seconds> <count>", "delay-next <seconds> <count>",
//             "charge-then-fail <count> <status>",
//             "register-webhook <url> <secret>" each answer "ok"; "posts" answers "posts <key> <key> ..." (the
//             idempotency key of every POST, in order); "charges" answers "charges <n>"; "deliveries" answers
//             "deliveries <n>" then n lines "<event type> <charge id> <signature> <base64 body>".
// Stdin closing stops it (its parent is gone); so does the deadline, so a crashed suite never leaves it running.
using System.Globalization;
using System.Text;
using Payments.Client.Testing;

TimeSpan lifetime = TimeSpan.FromMinutes(10);
await using FakePaymentsApi api = await FakePaymentsApi.StartAsync();
Console.Out.WriteLine($"ready {api.BaseAddress} {api.ApiKey}");
Console.Out.Flush();

using var deadline = new CancellationTokenSource(lifetime);
while (await Console.In.ReadLineAsync(deadline.Token) is { } line)
{
    string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    string reply = words switch
    {
        ["fail-next", var count, var status] => Ok(api.Faults.FailNext(Int(count), Int(status))),
        ["rate-limit-next", var seconds, var count] => Ok(api.Faults.RateLimitNext(TimeSpan.FromSeconds(Int(seconds)), Int(count))),
        ["delay-next", var seconds, var count] => Ok(api.Faults.DelayNext(TimeSpan.FromSeconds(Int(seconds)), Int(count))),
        ["charge-then-fail", var count, var status] => Ok(api.Faults.ChargeThenFail(Int(count), Int(status))),
        ["register-webhook", var url, var secret] => Ok(api.Webhooks.Register(new Uri(url), secret)),
        ["posts"] => "posts " + string.Join(' ', api.Requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey ?? "-")),
        ["charges"] => "charges " + api.Charges.Count.ToString(CultureInfo.InvariantCulture),
        ["deliveries"] => Deliveries(api),
        _ => "error unknown command: " + line,
    };
    Console.Out.WriteLine(reply);
    Console.Out.Flush();
}

return 0;

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static string Ok(object _) => "ok";

static string Deliveries(FakePaymentsApi api)
{
    IReadOnlyList<WebhookDelivery> deliveries = api.Webhooks.Deliveries;
    var text = new StringBuilder("deliveries ").Append(deliveries.Count);
    foreach (WebhookDelivery delivery in deliveries)
    {
        text.Append('\n').Append(delivery.EventType).Append(' ').Append(delivery.ChargeId).Append(' ')
            .Append(delivery.Signature).Append(' ').Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(delivery.Body)));
    }

    return text.ToString();
}
