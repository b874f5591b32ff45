namespace Payments.Client.ChaosTests.Chaos;

/// <summary>
/// The guarantees, checked against the SERVER's records (requests and charges as the fake saw them), never
/// against the client's own bookkeeping. Each returns what broke, empty when it held.
/// </summary>
public static class ChaosChecks
{
    /// <summary>How much earlier than Retry-After a retry may arrive: timer and clock granularity between two clocks on one machine.</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMilliseconds(50);

    private const string ChargePath = "/v1/payments/charge";

    public static IReadOnlyList<string> All(ChaosRun run) =>
    [
        .. AtMostOneChargePerKey(run),
        .. EveryCallEndedTyped(run),
        .. NoCallHung(run),
        .. OneKeyPerCall(run),
        .. RetryAfterHonoured(run),
        .. SuccessMatchesTheServersCharge(run),
    ];

    public static IEnumerable<string> AtMostOneChargePerKey(ChaosRun run) =>
        run.Charges.GroupBy(c => c.IdempotencyKey).Where(g => g.Count() > 1)
            .Select(g => $"key {g.Key} was charged {g.Count()} times: {string.Join(", ", g.Select(c => c.Id))}");

    public static IEnumerable<string> EveryCallEndedTyped(ChaosRun run)
    {
        if (run.Outcomes.Count != run.Settings.Count || run.Outcomes.Any(o => o is null))
        {
            yield return $"{run.Settings.Count} calls but {run.Outcomes.Count(o => o is not null)} outcomes";
        }

        foreach (CallOutcome o in run.Outcomes.Where(o => o is not null && !o.Succeeded && o.Error is not PaymentsException))
        {
            yield return $"call {o.Index} ended untyped: {o.Error?.GetType().FullName}: {o.Error?.Message}";
        }
    }

    public static IEnumerable<string> NoCallHung(ChaosRun run)
    {
        TimeSpan limit = run.ClientOptions.OverallTimeout + ChaosSettings.HangSlack;
        return run.Outcomes.Where(o => o.Elapsed > limit).Select(o => $"call {o.Index} took {o.Elapsed.TotalSeconds:0.00} s, over {limit.TotalSeconds} s");
    }

    /// <summary>
    /// Header key equals body key on every attempt; keys are distinct per call; and the keys the server saw are
    /// exactly the keys the calls ended with, so no attempt of any call went out under another key.
    /// </summary>
    public static IEnumerable<string> OneKeyPerCall(ChaosRun run)
    {
        foreach (RecordedRequest r in run.Requests.Where(r => r.Path == ChargePath))
        {
            string? bodyKey = BodyKey(r.Body);
            if (r.IdempotencyKey is null || r.IdempotencyKey != bodyKey)
            {
                yield return $"request {r.Sequence}: header key {r.IdempotencyKey ?? "(none)"} but body key {bodyKey ?? "(none)"}";
            }
        }

        string?[] callKeys = run.Outcomes.Select(o => o.Key).ToArray();
        if (callKeys.Any(k => k is null))
        {
            yield return $"{callKeys.Count(k => k is null)} calls ended without their idempotency key";
        }

        if (callKeys.Distinct().Count() != callKeys.Length)
        {
            yield return "two calls ended with the same idempotency key";
        }

        var seen = run.Requests.Where(r => r.Path == ChargePath).Select(r => r.IdempotencyKey).ToHashSet();
        var ended = callKeys.ToHashSet();
        foreach (string? k in seen.Except(ended))
        {
            yield return $"the server saw key {k}, which no call ended with (a call changed its key between attempts)";
        }

        foreach (string? k in ended.Except(seen))
        {
            yield return $"call key {k} never reached the server";
        }
    }

    /// <summary>
    /// For each 429 the client read, the next attempt with that key arrived no earlier than its Retry-After. A 429 the
    /// client never read (its attempt timed out first, on a loaded machine) told the client nothing, so it owes no wait.
    /// </summary>
    public static IEnumerable<string> RetryAfterHonoured(ChaosRun run)
    {
        foreach (IGrouping<string?, RecordedRequest> attempts in run.Requests.Where(r => r.Path == ChargePath).GroupBy(r => r.IdempotencyKey))
        {
            RecordedRequest[] ordered = attempts.OrderBy(r => r.Sequence).ToArray();
            for (int i = 0; i + 1 < ordered.Length; i++)
            {
                if (RetryAfterSent.NotBefore(ordered[i]) is { } notBefore && run.ClientRead(ordered[i]) && ordered[i + 1].ReceivedAt < notBefore - ClockSlack)
                {
                    yield return $"key {attempts.Key}: retry at {ordered[i + 1].ReceivedAt:O} before {ordered[i].Fault} sent at {ordered[i].ReceivedAt:O}";
                }
            }
        }
    }

    public static IEnumerable<string> SuccessMatchesTheServersCharge(ChaosRun run)
    {
        ILookup<string?, FakeCharge> byKey = run.Charges.ToLookup(c => c.IdempotencyKey);
        foreach (CallOutcome o in run.Outcomes.Where(o => o.Succeeded))
        {
            FakeCharge[] charges = byKey[o.Key].ToArray();
            if (charges.Length != 1 || charges[0].Id != o.ChargeId)
            {
                yield return $"call {o.Index} got charge {o.ChargeId}, the server holds [{string.Join(", ", charges.Select(c => c.Id))}] for its key";
            }
        }
    }

    private static string? BodyKey(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("idempotency_key", out JsonElement key) ? key.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
