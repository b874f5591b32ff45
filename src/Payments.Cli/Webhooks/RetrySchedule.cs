using System.Globalization;
using Payments.Client.Testing;

namespace Payments.Cli.Webhooks;

/// <summary>
/// The sender's retry schedule, read from the fake's own defaults (the contract's: 5 retries, 1 s doubling,
/// 10 s per attempt), so what <c>trigger</c> describes and what <c>fake</c> does cannot drift apart.
/// </summary>
internal static class RetrySchedule
{
    public static IReadOnlyList<TimeSpan> Delays(WebhookDeliveryOptions options) =>
        Enumerable.Range(0, options.MaxRetries).Select(i => options.InitialRetryDelay * Math.Pow(2, i)).ToArray();

    public static string Describe(WebhookDeliveryOptions options) =>
        string.Join(", ", Delays(options).Select(d => d.TotalSeconds.ToString(CultureInfo.InvariantCulture))) +
        $" s ({options.MaxRetries} retries), each attempt timing out after {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
}
