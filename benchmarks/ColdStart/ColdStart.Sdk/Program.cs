using System.Diagnostics;
using Payments.Client;

// Process start to first charge completed: one client built without a host, one charge with two metadata
// pairs against the base address in args[0] (benchmarks/cold-start.sh starts the canned server). Exit code 0
// only when the charge came back, so a broken run is never timed as a fast one.
Phases.Mark("main");
var client = new PaymentsClient(
    new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
    new PaymentsClientOptions { ApiKey = "sk_test_benchmark_key_0000000000", BaseAddress = new Uri(args[0]) });
Phases.Mark("client built");
ChargeResult result = await client.ChargeAsync(new ChargeRequest
{
    Amount = 2500,
    Currency = "usd",
    CustomerId = "cus_a1b2c3d4",
    PaymentMethodId = "pm_12345678",
    Metadata = new Dictionary<string, string> { ["order_id"] = "ORD-2024-001", ["customer_ref"] = "CR-77812" },
});
Phases.Mark("charged");
return result.Charge.Metadata.Count == 2 ? 0 : 1;

/// <summary>With COLDSTART_PHASES=1, prints ms since the process started at each step (to stderr), to see where a start goes.</summary>
internal static class Phases
{
    private static readonly bool On = Environment.GetEnvironmentVariable("COLDSTART_PHASES") == "1";

    public static void Mark(string step)
    {
        if (On)
        {
            Console.Error.WriteLine($"{step}: {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F1} ms");
        }
    }
}
