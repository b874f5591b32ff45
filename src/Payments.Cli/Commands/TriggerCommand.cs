using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Payments.Client.Testing;
using Payments.Client.Webhooks;
using Payments.Cli.Output;
using Payments.Cli.Webhooks;

namespace Payments.Cli.Commands;

/// <summary><c>payments trigger</c>: one correctly signed event to an endpoint, and what it answered.</summary>
internal static class TriggerCommand
{
    private const int MaxBodyShown = 4096;

    public static Command Create(CliConsole console)
    {
        var type = new Argument<string>("event") { Description = "charge.succeeded or charge.failed." };
        type.AcceptOnlyFromAmong(ChargeSucceededEvent.EventType, ChargeFailedEvent.EventType);
        Option<Uri?> forwardTo = CommonOptions.Url("--forward-to", "Your webhook endpoint, e.g. http://127.0.0.1:5080/webhooks/payments.");
        forwardTo.Required = true;
        var secret = new Option<string>("--secret") { Description = "The signing secret your endpoint verifies with.", Required = true };
        var chargeId = new Option<string?>("--charge-id") { Description = "The charge the event is about; a new ch_test_... id when omitted." };
        var eventId = new Option<string?>("--event-id") { Description = "The event id; a new evt_... id when omitted. Send the same id twice to see deduplication." };
        var amount = new Option<long>("--amount") { Description = "The charge amount in minor units (2500 = 25.00 USD).", DefaultValueFactory = _ => 2500 };
        var currency = new Option<string>("--currency") { Description = "The charge currency.", DefaultValueFactory = _ => "usd" };
        Option<bool> json = CommonOptions.Json();

        var command = new Command("trigger", "Send one signed charge event to your webhook endpoint; show its answer, and on a non-2xx the retries the real sender would make.")
        {
            type, forwardTo, secret, chargeId, eventId, amount, currency, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            console,
            parse.GetValue(type)!,
            parse.GetValue(forwardTo)!,
            parse.GetValue(secret)!,
            parse.GetValue(chargeId) ?? NewId("ch_test_"),
            parse.GetValue(eventId) ?? NewId("evt_"),
            parse.GetValue(amount),
            parse.GetValue(currency)!,
            parse.GetValue(json),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string type, Uri url, string secret, string chargeId, string eventId, long amount, string currency, bool json, CancellationToken cancellationToken)
    {
        var schedule = new WebhookDeliveryOptions();
        byte[] body = EventBody.Write(eventId, type, chargeId, amount, currency, DateTimeOffset.UtcNow);
        string signature = WebhookSignature.Sign(secret, body);

        using var http = new HttpClient { Timeout = schedule.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, signature);

        int status;
        string answer;
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"could not deliver {type} {eventId} to {url}: {e.Message} (the real sender would retry after {RetrySchedule.Describe(schedule)})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"{url} did not answer {type} {eventId} within {schedule.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, the sender's timeout (it would retry after {RetrySchedule.Describe(schedule)})");
        }

        bool delivered = status is >= 200 and <= 299;
        string shown = answer.Length > MaxBodyShown ? answer[..MaxBodyShown] + "..." : answer;
        if (json)
        {
            console.WriteLine(JsonText.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("event_id", eventId);
                writer.WriteString("type", type);
                writer.WriteString("charge_id", chargeId);
                writer.WriteString("url", url.ToString());
                writer.WriteString("signature", signature);
                writer.WriteNumber("status", status);
                writer.WriteString("body", shown);
                writer.WriteBoolean("delivered", delivered);
                writer.WriteStartArray("retry_in_seconds");
                if (!delivered)
                {
                    foreach (TimeSpan delay in RetrySchedule.Delays(schedule))
                    {
                        writer.WriteNumberValue(delay.TotalSeconds);
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }));
        }
        else
        {
            console.WriteLine($"Sent {type} {eventId} (charge {chargeId}) to {url}");
            console.WriteLine($"  {PaymentsWebhookReceiver.SignatureHeaderName}: {signature}");
            console.WriteLine($"  body: {Encoding.UTF8.GetString(body)}");
            console.WriteLine($"Answer: {status}");
            console.WriteLine($"  {(shown.Length == 0 ? "(empty body)" : shown)}");
            if (!delivered)
            {
                console.WriteLine($"The real sender would retry the same bytes after {RetrySchedule.Describe(schedule)}; then the delivery fails.");
            }
        }

        if (!delivered)
        {
            throw new CliException($"{url} answered {status} to {type} {eventId}: not delivered");
        }

        return ExitCodes.Ok;
    }

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..24];
}
