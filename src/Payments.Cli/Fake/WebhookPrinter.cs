using System.Globalization;
using Payments.Client.Testing;
using Payments.Cli.Output;

namespace Payments.Cli.Fake;

/// <summary>Prints each webhook delivery attempt as it ends, with the retry the sender schedules next.</summary>
internal static class WebhookPrinter
{
    public static async Task RunAsync(FakePaymentsApi api, WebhookDeliveryOptions schedule, CliConsole console, bool json, CancellationToken cancellationToken)
    {
        var printed = new List<int>();
        while (true)
        {
            // The condition runs on whichever thread changed the record, so it reads a copy this loop never mutates.
            int[] seen = [.. printed];
            await api.Webhooks.WaitUntilAsync(deliveries => HasNew(deliveries, seen), cancellationToken).ConfigureAwait(false);
            IReadOnlyList<WebhookDelivery> deliveries = api.Webhooks.Deliveries;
            for (int i = 0; i < deliveries.Count; i++)
            {
                if (printed.Count <= i)
                {
                    printed.Add(0);
                }

                WebhookDelivery delivery = deliveries[i];
                foreach (WebhookDeliveryAttempt attempt in delivery.Attempts.Skip(printed[i]))
                {
                    console.WriteLine(json ? Json(delivery, attempt, schedule) : Text(delivery, attempt, schedule));
                }

                printed[i] = delivery.Attempts.Count;
            }
        }
    }

    private static bool HasNew(IReadOnlyList<WebhookDelivery> deliveries, int[] printed)
    {
        for (int i = 0; i < deliveries.Count; i++)
        {
            if (i >= printed.Length ? deliveries[i].Attempts.Count > 0 : deliveries[i].Attempts.Count > printed[i])
            {
                return true;
            }
        }

        return false;
    }

    private static TimeSpan? NextRetry(WebhookDeliveryAttempt attempt, WebhookDeliveryOptions schedule) =>
        attempt.Succeeded || attempt.Number > schedule.MaxRetries ? null : schedule.InitialRetryDelay * Math.Pow(2, attempt.Number - 1);

    private static string Text(WebhookDelivery delivery, WebhookDeliveryAttempt attempt, WebhookDeliveryOptions schedule)
    {
        string outcome = attempt.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? attempt.Error ?? "no answer";
        string line = $"webhook {delivery.EventType} {delivery.EventId}{(delivery.IsDuplicate ? " (duplicate)" : string.Empty)} -> {delivery.Url} attempt {attempt.Number}: {outcome}";
        if (attempt.Succeeded)
        {
            return line;
        }

        return NextRetry(attempt, schedule) is { } retry
            ? line + $"; retry in {retry.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
            : line + "; no retries left, delivery failed";
    }

    private static string Json(WebhookDelivery delivery, WebhookDeliveryAttempt attempt, WebhookDeliveryOptions schedule) => JsonText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("event", "webhook");
        writer.WriteString("event_id", delivery.EventId);
        writer.WriteString("type", delivery.EventType);
        writer.WriteString("url", delivery.Url.ToString());
        writer.WriteBoolean("duplicate", delivery.IsDuplicate);
        writer.WriteNumber("attempt", attempt.Number);
        if (attempt.StatusCode is { } status)
        {
            writer.WriteNumber("status", status);
        }
        else
        {
            writer.WriteNull("status");
        }

        JsonText.WriteNullable(writer, "error", attempt.Error);
        if (NextRetry(attempt, schedule) is { } retry)
        {
            writer.WriteNumber("retry_in_seconds", retry.TotalSeconds);
        }
        else
        {
            writer.WriteNull("retry_in_seconds");
        }

        writer.WriteEndObject();
    });
}
