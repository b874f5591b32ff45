namespace Payments.Cli.Tests;

/// <summary><c>payments inbox ...</c> on a real SQLite inbox that an app filled: list, show, replay, purge, schema.</summary>
public sealed class InboxTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 9, 14, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile _file = new("inbox.db");

    [Fact]
    public async Task Lists_shows_replays_and_purges_what_the_app_stored()
    {
        await SeedAsync();

        CliResult list = await Tool.RunAsync("inbox", "list", "--sqlite", _file.Path, "--json");
        Assert.Equal(0, list.ExitCode);
        JsonElement[] entries = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().ToArray();
        Assert.Equal(["evt_dead", "evt_done"], entries.Select(e => e.GetProperty("event_id").GetString()).Order());
        Assert.Equal("dead-letter", entries.Single(e => e.GetProperty("event_id").GetString() == "evt_dead").GetProperty("state").GetString());

        CliResult show = await Tool.RunAsync("inbox", "show", "evt_dead", "--sqlite", _file.Path);
        Assert.Contains("error: attempt 1: ERP down", show.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"evt_dead\"", show.Out, StringComparison.Ordinal);

        CliResult replay = await Tool.RunAsync("inbox", "replay", "--dead-letters", "--sqlite", _file.Path);
        Assert.Equal("replayed 1", replay.Out.Trim());
        CliResult purge = await Tool.RunAsync("inbox", "purge", "--state", "processed", "--sqlite", _file.Path, "--json");
        Assert.Equal(1, JsonDocument.Parse(purge.Out).RootElement.GetProperty("purged").GetInt32());

        var store = new SqliteWebhookInboxStore(_file.Path);
        Assert.Equal(WebhookInboxState.Pending, (await store.GetAsync("evt_dead", CancellationToken.None))!.State);
        Assert.Null(await store.GetAsync("evt_done", CancellationToken.None));
    }

    [Fact]
    public async Task Prints_the_schema_for_a_DBA_in_either_dialect()
    {
        CliResult postgres = await Tool.RunAsync("inbox", "schema", "--postgres");
        CliResult sqlite = await Tool.RunAsync("inbox", "schema", "--sqlite");

        Assert.Contains("CREATE TABLE IF NOT EXISTS payments_webhook_inbox", postgres.Out, StringComparison.Ordinal);
        Assert.Contains("timestamptz", postgres.Out, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS payments_webhook_inbox", sqlite.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("timestamptz", sqlite.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_problem_when_the_inbox_is_missing_or_not_given()
    {
        CliResult neither = await Tool.RunAsync("inbox", "list");
        CliResult missing = await Tool.RunAsync("inbox", "list", "--sqlite", _file.Path + ".nope");

        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("exactly one of --sqlite PATH or --postgres CONNECTION-STRING", neither.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _file.Dispose();

    private async Task SeedAsync()
    {
        var store = new SqliteWebhookInboxStore(_file.Path);
        foreach (string id in new[] { "evt_done", "evt_dead" })
        {
            byte[] body = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","type":"charge.succeeded","data":{"id":"ch_1","status":"succeeded"} }""");
            await store.TryAddAsync(new WebhookInboxDelivery(id, "charge.succeeded", body, T0, null), CancellationToken.None);
        }

        await store.ClaimAsync("app", 2, T0, TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.CompleteAsync("evt_done", "app", T0, CancellationToken.None);
        await store.FailAsync("evt_dead", "app", "attempt 1: ERP down", nextAttemptAt: null, T0, CancellationToken.None);
    }
}
