namespace Payments.Client.ChaosTests.Chaos;

/// <summary>The figures of a run, as the soak prints them and the README quotes them.</summary>
public static class ChaosFigures
{
    public static int Duplicates(ChaosRun run) => run.Charges.GroupBy(c => c.IdempotencyKey).Sum(g => g.Count() - 1);

    /// <summary>Calls that ended in nothing typed: no outcome, or an exception outside <see cref="PaymentsException"/>.</summary>
    public static int Lost(ChaosRun run) =>
        run.Settings.Count - run.Outcomes.Count(o => o is not null && (o.Succeeded || o.Error is PaymentsException));

    public static int Hung(ChaosRun run) => ChaosChecks.NoCallHung(run).Count();

    /// <summary>The fault the server recorded, without per-request detail (dates, "client disconnected").</summary>
    public static string FaultKind(RecordedRequest request) => request.Fault switch
    {
        null => "none",
        { } f when f.StartsWith("rate-limit", StringComparison.Ordinal) => RetryAfterSent.IsDate(request) ? "429 Retry-After date" : "429 Retry-After seconds",
        { } f when f.StartsWith("delay", StringComparison.Ordinal) => "slow response",
        "client disconnected" => "none",
        { } f => f.Split(',')[0],
    };

    public static string Format(ChaosRun run)
    {
        double[] ms = run.Outcomes.Select(o => o.Elapsed.TotalMilliseconds).Order().ToArray();
        var text = new StringBuilder();
        Line(text, "seed", run.Settings.Seed);
        Line(text, "concurrency", run.Settings.Concurrency);
        Line(text, "charges (logical)", run.Settings.Count);
        Line(text, "attempts (server)", run.Requests.Count);
        Line(text, "server charges", run.Charges.Count);
        foreach (var kind in run.Requests.GroupBy(FaultKind).Where(g => g.Key != "none").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line(text, "  fault " + kind.Key, kind.Count());
        }

        foreach (var kind in run.Outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line(text, "  outcome " + kind.Key, kind.Count());
        }

        Line(text, "duplicates", Duplicates(run));
        Line(text, "lost", Lost(run));
        Line(text, "hung", Hung(run));
        Line(text, "latency p50", $"{Percentile(ms, 0.50):0.0} ms");
        Line(text, "latency p99", $"{Percentile(ms, 0.99):0.0} ms");
        Line(text, "latency max", $"{(ms.Length == 0 ? 0 : ms[^1]):0.0} ms");
        Line(text, "wall time", $"{run.WallTime.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Line(StringBuilder text, string name, object value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{name,-32} {value}");
}
