using System.CommandLine;
using System.Globalization;
using Payments.Client.Testing;
using Payments.Cli.Fake;
using Payments.Cli.Output;
using Payments.Cli.Webhooks;

namespace Payments.Cli.Commands;

/// <summary><c>payments fake</c>: the in-process fake API as a standalone server until Ctrl+C or SIGTERM.</summary>
internal static class FakeCommand
{
    /// <summary>The line a script or test waits for: everything above it is printed, and the server answers.</summary>
    public const string ListeningPrefix = "Listening on ";

    public static Command Create(CliConsole console)
    {
        var port = new Option<int>("--port")
        {
            Description = "Loopback port to listen on (127.0.0.1); 0 picks a free one.",
            DefaultValueFactory = _ => 12111,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        var apiKey = new Option<string?>("--api-key") { Description = "The test key clients must send (sk_test_...); a random one when omitted." };
        apiKey.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } key && !key.StartsWith("sk_test_", StringComparison.Ordinal))
            {
                result.AddError("--api-key must start with sk_test_: the fake is test mode only.");
            }
        });
        Option<string> wireFormat = CommonOptions.WireFormat(
            "The wire format your client sends (v1 or enveloped). The fake answers each request in the format it came in; requests in the other one are flagged.");
        Option<Uri?> webhookUrl = CommonOptions.Url("--webhook-url", "Deliver signed charge.succeeded / charge.failed events here, with the real retry schedule.");
        var webhookSecret = new Option<string?>("--webhook-secret") { Description = "The secret the events are signed with (your endpoint's Payments:Webhooks:Secrets)." };
        var faults = new Option<string?>("--faults") { Description = "SEED:RATE, e.g. 42:0.2: that share of requests get a seeded random fault (5xx, 429, drops, charged-then-lost, slow)." };
        faults.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !FaultSpec.TryParse(text, out _, out string? error))
            {
                result.AddError(error!);
            }
        });
        Option<bool> json = CommonOptions.Json();

        var command = new Command("fake", "Run the fake Payments API on 127.0.0.1 until Ctrl+C: prints its address, a test key, the test customers and payment methods, then one line per request.")
        {
            port, apiKey, wireFormat, webhookUrl, webhookSecret, faults, json,
        };
        command.Validators.Add(result =>
        {
            bool hasSecret = !string.IsNullOrEmpty(result.GetValue(webhookSecret));
            bool hasUrl = result.GetResult(webhookUrl) is not null;
            if (hasUrl != hasSecret)
            {
                result.AddError("--webhook-url and --webhook-secret go together.");
            }
        });

        command.SetAction((parse, cancellationToken) => RunAsync(
            console,
            new Settings(parse.GetValue(port), parse.GetValue(apiKey), parse.GetValue(wireFormat)!, parse.GetValue(webhookUrl), parse.GetValue(webhookSecret), parse.GetValue(faults), parse.GetValue(json)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, Settings settings, CancellationToken cancellationToken)
    {
        var webhookOptions = new WebhookDeliveryOptions();
        FakePaymentsApi api;
        try
        {
            api = await FakePaymentsApi.StartAsync(new FakePaymentsApiOptions { Port = settings.Port, ApiKey = settings.ApiKey, Webhooks = webhookOptions }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot listen on 127.0.0.1:{settings.Port}: {e.Message} (try another --port, or --port 0 for a free one)");
        }

        await using (api.ConfigureAwait(false))
        {
            if (settings.WebhookUrl is not null)
            {
                api.Webhooks.Register(settings.WebhookUrl, settings.WebhookSecret!);
            }

            string? faultText = null;
            if (settings.Faults is not null && FaultSpec.TryParse(settings.Faults, out RandomFaultOptions? faults, out _))
            {
                api.Faults.UseRandom(faults);
                faultText = $"seed {faults!.Seed}, {settings.Faults.Split(':')[1]} of requests";
            }

            if (settings.Json)
            {
                console.WriteLine(Banner.Json(api, settings.WireFormat, settings.WebhookUrl, faultText));
            }
            else
            {
                foreach (string line in Banner.Text(api, settings.WireFormat, settings.WebhookUrl, webhookOptions, faultText))
                {
                    console.WriteLine(line);
                }

                console.WriteLine(ListeningPrefix + api.BaseAddress + "  (Ctrl+C to stop)");
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task requests = RequestPrinter.RunAsync(api, console, settings.Json, settings.WireFormat, stop.Token);
            Task webhooks = WebhookPrinter.RunAsync(api, webhookOptions, console, settings.Json, stop.Token);
            try
            {
                await Task.WhenAny(requests, webhooks, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(requests, webhooks).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }

            // A printer only ends early by failing: say so rather than serve silently.
            foreach (Task printer in new[] { requests, webhooks })
            {
                if (printer.IsFaulted)
                {
                    throw new CliException($"the fake stopped printing: {printer.Exception!.GetBaseException().Message}");
                }
            }
        }

        console.WriteLine(settings.Json ? JsonText.Write(w => { w.WriteStartObject(); w.WriteString("event", "stopped"); w.WriteEndObject(); }) : "Stopped.");
        return ExitCodes.Ok;
    }

    private sealed record Settings(int Port, string? ApiKey, string WireFormat, Uri? WebhookUrl, string? WebhookSecret, string? Faults, bool Json);

    /// <summary>What the fake prints when it starts.</summary>
    private static class Banner
    {
        private static readonly (string Id, string Owns)[] Customers =
        [
            (TestCustomers.Default, $"every payment method below except {TestPaymentMethods.OtherCustomers}; default {TestPaymentMethods.Succeeds}"),
            (TestCustomers.Other, TestPaymentMethods.OtherCustomers),
            (TestCustomers.WithoutPaymentMethods, "no payment method"),
        ];

        public static IEnumerable<string> Text(FakePaymentsApi api, string wireFormat, Uri? webhookUrl, WebhookDeliveryOptions webhooks, string? faults)
        {
            yield return "Payments fake API (test mode; nothing persists after it stops)";
            yield return $"  base address  {api.BaseAddress}";
            yield return $"  api key       {api.ApiKey}";
            yield return $"  wire format   {wireFormat} (both are answered, each in its own format; requests in the other are flagged)";
            yield return "  rate limit    25 requests/s, bursts of 50 (the test-mode limits)";
            yield return webhookUrl is null
                ? "  webhooks      none (--webhook-url URL --webhook-secret S to receive charge events)"
                : $"  webhooks      {webhookUrl}, signed; retried after {RetrySchedule.Describe(webhooks)}";
            yield return $"  faults        {faults ?? "none (--faults SEED:RATE for random ones)"}";
            yield return "Customers";
            foreach ((string id, string owns) in Customers)
            {
                yield return $"  {id,-30} {owns}";
            }

            yield return "Payment methods";
            foreach ((string id, PaymentMethodBehavior behavior) in TestPaymentMethods.All.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                yield return $"  {id,-30} {Describe(id, behavior)}";
            }

            yield return "Charge it:";
            yield return $"  PAYMENTS_BASE_ADDRESS={api.BaseAddress} PAYMENTS_API_KEY={api.ApiKey} payments charge --amount 25.00 --currency usd --customer {TestCustomers.Default} --payment-method {TestPaymentMethods.Succeeds}";
        }

        public static string Json(FakePaymentsApi api, string wireFormat, Uri? webhookUrl, string? faults) => JsonText.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("event", "listening");
            writer.WriteString("base_address", api.BaseAddress.ToString());
            writer.WriteString("api_key", api.ApiKey);
            writer.WriteString("wire_format", wireFormat);
            JsonText.WriteNullable(writer, "webhook_url", webhookUrl?.ToString());
            JsonText.WriteNullable(writer, "faults", faults);
            writer.WriteStartArray("customers");
            foreach ((string id, _) in Customers)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("payment_methods");
            foreach ((string id, PaymentMethodBehavior behavior) in TestPaymentMethods.All.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(id, Describe(id, behavior));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });

        private static string Describe(string id, PaymentMethodBehavior behavior)
        {
            if (id == TestPaymentMethods.OtherCustomers)
            {
                return $"succeeds for {TestCustomers.Other} only";
            }

            string outcome = behavior.Outcome.ToString();
            return behavior.FailureReason is null
                ? outcome
                : string.Create(CultureInfo.InvariantCulture, $"{outcome} ({behavior.FailureReason})");
        }
    }
}
