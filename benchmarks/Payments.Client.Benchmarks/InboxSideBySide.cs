using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;
using Payments.Client.Tests.Shared;
using Payments.Client.Webhooks;
using Payments.Client.Webhooks.AspNetCore;

namespace Payments.Client.Benchmarks;

/// <summary>
/// Issue 20's figures: time from request to 200 and deliveries per second for the inline endpoint (in-memory
/// deduplication, handlers in the request), the SQLite inbox and the PostgreSQL inbox, side by side in one process on
/// real Kestrel, interleaved round by round; each figure is the median over the rounds. Handlers are no-ops, so what is
/// measured is the endpoint: verify, (store,) answer. PostgreSQL is a private cluster started here (fsync on, as in
/// production) unless <c>--postgres CONNECTION-STRING</c> names one. The floor is the latency any durable acknowledgement costs:
/// a hand-written endpoint that writes the body into a file and waits for <c>fdatasync</c> before its 200, in the same
/// run, so the inbox's figures can be read against the disk's and not only against inline handling, which stores nothing.
/// </summary>
internal static class InboxSideBySide
{
    private const string Secret = "whsec_benchmark";
    private const string WebhookPath = "/webhooks/payments";

    public static async Task<int> RunAsync(string[] args)
    {
        int calls = Option(args, "--calls", 1000);
        int rounds = Option(args, "--rounds", 5);
        int concurrency = Option(args, "--concurrency", 16);
        string dir = Directory.CreateTempSubdirectory("payments-inbox-bench-").FullName;
        PostgresServer? postgres = null;
        string? connectionString = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        if (connectionString is null)
        {
            postgres = await PostgresServer.StartAsync(durable: true);
            connectionString = await postgres.CreateDatabaseAsync();
        }

        (string Name, WebApplication App, Uri Endpoint)[] contenders =
        [
            await StartAsync("inline (in-memory dedupe)", _ => { }),
            await StartFloorAsync(Path.Combine(dir, "floor.bin")),
            await StartAsync("SQLite inbox", s => s.AddSqliteWebhookInbox(Path.Combine(dir, "inbox.db"))),
            await StartAsync("PostgreSQL inbox", s => s.AddPostgreSqlWebhookInbox(connectionString)),
        ];
        try
        {
            using var http = new HttpClient();
            int next = 0;
            foreach ((_, _, Uri endpoint) in contenders)
            {
                for (int i = 0; i < 300; i++)
                {
                    await PostAsync(http, endpoint, $"evt_warm_{next++}"); // JIT, connections, pools
                }
            }

            var p50 = new List<double>[contenders.Length];
            var p99 = new List<double>[contenders.Length];
            var rate = new List<double>[contenders.Length];
            for (int c = 0; c < contenders.Length; c++)
            {
                (p50[c], p99[c], rate[c]) = ([], [], []);
            }

            for (int round = 0; round < rounds; round++)
            {
                for (int k = 0; k < contenders.Length; k++)
                {
                    int c = (k + round) % contenders.Length;
                    Uri endpoint = contenders[c].Endpoint;

                    // Latency: one sender, one delivery at a time.
                    var latencies = new double[calls];
                    for (int i = 0; i < calls; i++)
                    {
                        long start = Stopwatch.GetTimestamp();
                        await PostAsync(http, endpoint, $"evt_{round}_{c}_l{i}");
                        latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    }

                    Array.Sort(latencies);
                    p50[c].Add(latencies[calls / 2]);
                    p99[c].Add(latencies[(int)(calls * 0.99)]);

                    // Throughput: `concurrency` senders at once.
                    var clock = Stopwatch.StartNew();
                    await Parallel.ForEachAsync(Enumerable.Range(0, calls), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
                        await PostAsync(http, endpoint, $"evt_{round}_{c}_t{i}"));
                    rate[c].Add(calls / clock.Elapsed.TotalSeconds);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Webhook endpoint, request to 200, no-op handlers; {calls} deliveries x {rounds} rounds, medians over rounds; {Environment.ProcessorCount} cores"));
            Console.WriteLine("| endpoint | p50 (ms) | p99 (ms) | deliveries/s (" + concurrency.ToString(CultureInfo.InvariantCulture) + " senders) | p50 vs inline | p50 vs floor |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            double inline = Median(p50[0]), floor = Median(p50[1]);
            for (int c = 0; c < contenders.Length; c++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {contenders[c].Name} | {Median(p50[c]):0.00} | {Median(p99[c]):0.00} | {Median(rate[c]):0} | {Median(p50[c]) / inline:0.00}x | {Median(p50[c]) / floor:0.00}x |"));
            }
        }
        finally
        {
            foreach ((_, WebApplication app, _) in contenders)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }

        return 0;
    }

    private static async Task<(string, WebApplication, Uri)> StartAsync(string name, Action<IServiceCollection> addInbox)
    {
        WebApplicationBuilder builder = LoopbackBuilder();
        builder.Configuration["Payments:Webhooks:Secrets:0"] = Secret;
        builder.Services.AddPaymentsWebhooks(builder.Configuration.GetSection("Payments:Webhooks")).AddWebhookHandler<PaymentsEvent, NoOp>();
        addInbox(builder.Services);
        WebApplication app = builder.Build();
        app.MapPaymentsWebhooks(WebhookPath);
        return await StartedAsync(name, app);
    }

    // Overwrites a preallocated file in place, as SQLite reuses its WAL, so each sync is of data, not of a growing file.
    private static async Task<(string, WebApplication, Uri)> StartFloorAsync(string path)
    {
        const int Slot = 4096, Slots = 256;
        SafeFileHandle file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, preallocationSize: Slot * Slots);
        RandomAccess.Write(file, new byte[Slot * Slots], 0);
        Fdatasync(file);
        var gate = new SemaphoreSlim(1, 1); // one writer at a time, as the inbox's
        long next = 0;
        WebApplicationBuilder builder = LoopbackBuilder();
        WebApplication app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(file.Dispose);
        app.MapPost(WebhookPath, async (HttpContext context) =>
        {
            byte[] body = new byte[Slot];
            int length = 0, read;
            while ((read = await context.Request.Body.ReadAsync(body.AsMemory(length))) > 0)
            {
                length += read;
            }

            await gate.WaitAsync();
            try
            {
                RandomAccess.Write(file, body.AsSpan(0, length), next++ % Slots * Slot);
                Fdatasync(file);
            }
            finally
            {
                gate.Release();
            }

            return Results.Ok();
        });
        return await StartedAsync("floor: write + fdatasync", app);
    }

    private static WebApplicationBuilder LoopbackBuilder()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        return builder;
    }

    private static async Task<(string, WebApplication, Uri)> StartedAsync(string name, WebApplication app)
    {
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (name, app, new Uri(new Uri(address), WebhookPath));
    }

    private static void Fdatasync(SafeFileHandle file)
    {
        if (fdatasync((int)file.DangerousGetHandle()) != 0)
        {
            throw new IOException($"fdatasync failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, CA1401 // libc's name; private
    private static extern int fdatasync(int fd);
#pragma warning restore SA1300, CA1401

    private static async Task PostAsync(HttpClient http, Uri endpoint, string id)
    {
        byte[] body = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","type":"charge.succeeded","created_at":"{{DateTimeOffset.UtcNow:O}}","data":{"id":"ch_{{id}}","object":"charge","status":"succeeded","amount":2500,"currency":"usd"} }""");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(PaymentsWebhookReceiver.SignatureHeaderName, "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)).ToLowerInvariant());
        using HttpResponseMessage response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{endpoint} answered {(int)response.StatusCode}");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class NoOp : IPaymentsWebhookHandler<PaymentsEvent>
    {
        public Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
