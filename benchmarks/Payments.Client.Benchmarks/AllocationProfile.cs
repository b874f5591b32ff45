using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Payments.Client.Benchmarks;

/// <summary>
/// Where a charge's bytes go, with no server in the process (in-memory handlers answer the same bytes):
/// (1) exact bytes per call of every contender; (2) the SDK's steps rebuilt one at a time from the public
/// types it uses, bytes per step; (3) the runtime's GC AllocationTick samples (one per ~100 KB) by type,
/// SDK minus floor, turned into estimated bytes per call.
/// </summary>
internal static class AllocationProfile
{
    private static readonly Uri ChargeUri = new("http://127.0.0.1:9/v1/payments/charge");

    public static async Task<int> RunAsync(string[] args)
    {
        int calls = SideBySide.Option(args, "--calls", 20_000);
        bool loopback = args.Contains("--loopback");
        string? server = SideBySide.OptionText(args, "--server");
        await using MetadataScenario scenario = server is not null ? MetadataScenario.Remote(new Uri(server)) : loopback ? await MetadataScenario.StartAsync() : MetadataScenario.InMemory();
        (string Name, Func<Task> Call)[] contenders =
        [
            ("hand-written floor", scenario.FloorAsync),
            ("SDK, resilience off", scenario.BareAsync),
            ("SDK, defaults (rate limit off)", scenario.DefaultsAsync),
            ("SDK via DI", scenario.DependencyInjectionAsync),
            ("Stripe.net", scenario.StripeAsync),
        ];

        Console.WriteLine(server is not null ? "## 1. Bytes per call over loopback, the server in another process (the client's bytes alone)"
            : loopback ? "## 1. Bytes per call over loopback (the in-process server's bytes included)"
            : "## 1. Bytes per call, in memory (no socket, no server)");
        Console.WriteLine();
        Console.WriteLine("| contender | bytes/call | over floor |");
        Console.WriteLine("|---|---:|---:|");
        double floor = 0;
        foreach ((string name, Func<Task> call) in contenders)
        {
            double bytes = await BytesPerCallAsync(call, calls / 4);
            floor = floor == 0 ? bytes : floor;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes:N0} | {bytes - floor:+#,0;-#,0;0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("## 2. The SDK's steps, one at a time (bytes per step)");
        Console.WriteLine();
        Console.WriteLine("| step | bytes |");
        Console.WriteLine("|---|---:|");
        foreach ((string step, Func<Task> run) in Steps())
        {
            double bytes = await BytesPerCallAsync(run, 2_000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {bytes:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine($"## 3. GC AllocationTick samples by type, estimated bytes per call over {calls:N0} calls");
        Console.WriteLine();
        Dictionary<string, double> floorTypes = await SampleByTypeAsync(scenario.FloorAsync, calls);
        bool defaults = args.Contains("--defaults");
        Dictionary<string, double> sdkTypes = await SampleByTypeAsync(defaults ? scenario.DefaultsAsync : scenario.BareAsync, calls);
        Console.WriteLine($"| type | floor B/call | SDK ({(defaults ? "defaults" : "resilience off")}) B/call | difference |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (string type in floorTypes.Keys.Union(sdkTypes.Keys).OrderByDescending(t => Math.Abs(sdkTypes.GetValueOrDefault(t) - floorTypes.GetValueOrDefault(t))).Take(40))
        {
            double f = floorTypes.GetValueOrDefault(type), s = sdkTypes.GetValueOrDefault(type);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{type}` | {f:N0} | {s:N0} | {s - f:+#,0;-#,0;0} |"));
        }

        return 0;
    }

    /// <summary>Every thread's allocations, so an async hop cannot hide bytes; nothing else runs in the process.</summary>
    private static async Task<double> BytesPerCallAsync(Func<Task> call, int calls)
    {
        for (int i = 0; i < 200; i++)
        {
            await call();
        }

        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < calls; i++)
        {
            await call();
        }

        return (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
    }

    private static async Task<Dictionary<string, double>> SampleByTypeAsync(Func<Task> call, int calls)
    {
        for (int i = 0; i < 500; i++)
        {
            await call();
        }

        using var listener = new AllocationTickListener();
        for (int i = 0; i < calls; i++)
        {
            await call();
        }

        return listener.Stop().ToDictionary(pair => pair.Key, pair => (double)pair.Value / calls);
    }

    private static IEnumerable<(string Step, Func<Task> Run)> Steps()
    {
        byte[] body = CannedApi.ChargeWithMetadata;
        var pooled = new ReadOnlyMemory<byte>(new byte[200]);
        const string authorization = "Bearer " + CannedApi.ApiKey;
        string userAgent = $"Payments.Client/0.1.0 (.NET {Environment.Version.ToString(2)})";
        string key = Convert.ToHexStringLower(new byte[16]);
        ChargeRequest request = MetadataScenario.Request;

        yield return ("request: `new HttpRequestMessage(POST, uri)`", () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, ChargeUri);
            return Task.CompletedTask;
        });
        yield return ("request + 4 headers by `TryAddWithoutValidation` (SDK: Authorization, User-Agent, Accept, Idempotency-Key)", () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, ChargeUri);
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
            message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return Task.CompletedTask;
        });
        yield return ("request + 2 headers (floor: Authorization, Idempotency-Key)", () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, ChargeUri);
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + CannedApi.ApiKey);
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return Task.CompletedTask;
        });
        yield return ("request + 4 headers, `Accept`/`User-Agent` as typed values cached per client", () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, ChargeUri);
            message.Headers.Authorization = CachedAuthorization;
            message.Headers.UserAgent.Add(CachedUserAgent);
            message.Headers.Accept.Add(CachedAccept);
            message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            return Task.CompletedTask;
        });
        yield return ("content: `ReadOnlyMemoryContent` + Content-Type by `TryAddWithoutValidation`", () =>
        {
            using var content = new ReadOnlyMemoryContent(pooled);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            return Task.CompletedTask;
        });
        yield return ("content: `ReadOnlyMemoryContent` + cached `MediaTypeHeaderValue`", () =>
        {
            using var content = new ReadOnlyMemoryContent(pooled);
            content.Headers.ContentType = CachedContentType;
            return Task.CompletedTask;
        });
        yield return ("content sent: `CopyToAsync(Stream.Null)` of a `ReadOnlyMemoryContent`", async () =>
        {
            using var content = new ReadOnlyMemoryContent(pooled);
            await content.CopyToAsync(Stream.Null);
        });
        yield return ("floor content: `JsonContent.Create` (source-gen) + `CopyToAsync(Stream.Null)`", async () =>
        {
            using JsonContent content = JsonContent.Create(
                new BaselineChargeRequest(2500, "usd", "cus_a1b2c3d4", "pm_12345678", key, MetadataScenario.Metadata),
                BaselineJson.Default.BaselineChargeRequest);
            await content.CopyToAsync(Stream.Null);
        });
        yield return ("body: `new ArrayBufferWriter<byte>(256)` + `Utf8JsonWriter` (charge, 2 metadata pairs)", () =>
        {
            var output = new ArrayBufferWriter<byte>(256);
            WriteBody(output, request, key);
            return Task.CompletedTask;
        });
        yield return ("body: the same into a pooled buffer and a reused `Utf8JsonWriter` (`Reset`)", () =>
        {
            var output = ReusedOutput.Value!;
            output.ResetWrittenCount();
            Utf8JsonWriter writer = ReusedWriter.Value!;
            writer.Reset(output);
            WriteBody(writer, request, key);
            return Task.CompletedTask;
        });
        yield return ("idempotency key: 16 random bytes as 32 hex chars", () =>
        {
            GC.KeepAlive(Convert.ToHexStringLower(pooled.Span[..16]));
            return Task.CompletedTask;
        });
        yield return ("activity name `\"Payments \" + operation`, built even when no listener", () =>
        {
            GC.KeepAlive(Concat("Payments ", "charge"));
            return Task.CompletedTask;
        });
        yield return ("`ActivitySource.StartActivity` x2, no listener", () =>
        {
            using Activity? a = Source.StartActivity("Payments charge", ActivityKind.Internal);
            using Activity? b = Source.StartActivity("POST", ActivityKind.Client);
            return Task.CompletedTask;
        });
        yield return ("`ResilienceContextPool` get + property set + return", () =>
        {
            ResilienceContext context = ResilienceContextPool.Shared.Get(CancellationToken.None);
            context.Properties.Set(StateKey, key);
            ResilienceContextPool.Shared.Return(context);
            return Task.CompletedTask;
        });
        ResiliencePipeline<string> off = Pipeline(resilience: false);
        ResiliencePipeline<string> defaults = Pipeline(resilience: true);
        yield return ("Polly: overall + attempt timeout, callback completes at once (SDK, resilience off)", () => Execute(off));
        yield return ("Polly: timeouts + retry + circuit breaker, callback completes at once (SDK defaults)", () => Execute(defaults));
        yield return ("Polly: timeouts, callback yields once (an attempt over a real socket completes later)", () => ExecuteYielding(off));
        yield return ("Polly: timeouts + retry + breaker, callback yields once", () => ExecuteYielding(defaults));
        yield return ("(an `async ValueTask<Outcome<string>>` lambda that yields once, to subtract)", async () =>
        {
            GC.KeepAlive(await YieldOnce("ok"));
        });
        yield return ("response headers: `NonValidated.TryGetValues` x2 + `RetryAfter` (none present)", () =>
        {
            using HttpResponseMessage response = Response(body);
            GC.KeepAlive(ReadResponseHeaders(response.Headers));
            return Task.CompletedTask;
        });
        yield return ("response body: `ReadAsStreamAsync` + read into a pooled buffer", async () =>
        {
            using HttpResponseMessage response = Response(body);
            using Stream stream = await response.Content.ReadAsStreamAsync();
            byte[] buffer = ArrayPool<byte>.Shared.Rent(body.Length + 1);
            while (await stream.ReadAsync(buffer) > 0)
            {
            }

            ArrayPool<byte>.Shared.Return(buffer);
        });
        yield return ("(cost of the canned `HttpResponseMessage` above, to subtract)", () =>
        {
            using HttpResponseMessage response = Response(body);
            return Task.CompletedTask;
        });
        if (ChargeReader is { } read)
        {
            yield return ("parse: `ChargeJsonReader.ReadResponse` (SDK, 20-field Charge + 2 metadata pairs)", () =>
            {
                GC.KeepAlive(read(body));
                return Task.CompletedTask;
            });
        }

        yield return ("parse: source-gen STJ `BaselineCharge` from the bytes (floor reads from the stream)", () =>
        {
            GC.KeepAlive(JsonSerializer.Deserialize(body, BaselineJson.Default.BaselineCharge));
            return Task.CompletedTask;
        });
        yield return ("floor parse as it runs: `ReadFromJsonAsync` over the content stream", async () =>
        {
            using HttpResponseMessage response = Response(body);
            GC.KeepAlive(await response.Content.ReadFromJsonAsync(BaselineJson.Default.BaselineCharge));
        });
        yield return ("result: `new ChargeResult(...)`", () =>
        {
            GC.KeepAlive(new ChargeResult(EmptyCharge, key, null, 1));
            return Task.CompletedTask;
        });
    }

    private static readonly ActivitySource Source = new("Payments.Client.Benchmarks.NoListener");
    private static readonly ResiliencePropertyKey<string> StateKey = new("state");
    private static readonly AuthenticationHeaderValue CachedAuthorization = new("Bearer", CannedApi.ApiKey);
    private static readonly ProductInfoHeaderValue CachedUserAgent = new("Payments.Client", "0.1.0");
    private static readonly MediaTypeWithQualityHeaderValue CachedAccept = new("application/json");
    private static readonly MediaTypeHeaderValue CachedContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly ThreadLocal<ArrayBufferWriter<byte>> ReusedOutput = new(() => new ArrayBufferWriter<byte>(256));
    private static readonly ThreadLocal<Utf8JsonWriter> ReusedWriter = new(() => new Utf8JsonWriter(new ArrayBufferWriter<byte>(), new JsonWriterOptions { SkipValidation = true }));
    private static readonly Charge EmptyCharge = new() { Id = "ch_1" };

    private delegate object? SpanReader(ReadOnlySpan<byte> utf8);

    /// <summary>The SDK's internal reader, found by name so a rename inside the SDK skips the row instead of breaking the build.</summary>
    private static readonly SpanReader? ChargeReader = typeof(PaymentsClient).Assembly
        .GetTypes().FirstOrDefault(t => t.Name == "ChargeJsonReader")?
        .GetMethod("ReadResponse", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { } method
        ? (SpanReader)Delegate.CreateDelegate(typeof(SpanReader), method, throwOnBindFailure: false)!
        : null;

    private static string Concat(string a, string b) => a + b;

    private static void WriteBody(IBufferWriter<byte> output, ChargeRequest request, string key)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        WriteBody(writer, request, key);
    }

    private static void WriteBody(Utf8JsonWriter writer, ChargeRequest request, string key)
    {
        writer.WriteStartObject();
        writer.WriteNumber("amount"u8, request.Amount);
        writer.WriteString("currency"u8, request.Currency);
        writer.WriteString("customer_id"u8, request.CustomerId);
        writer.WriteString("payment_method_id"u8, request.PaymentMethodId);
        writer.WriteString("idempotency_key"u8, key);
        writer.WriteStartObject("metadata"u8);
        foreach (KeyValuePair<string, string> pair in request.Metadata!)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static ResiliencePipeline<string> Pipeline(bool resilience)
    {
        var builder = new ResiliencePipelineBuilder<string>();
        builder.AddTimeout(TimeSpan.FromSeconds(90));
        if (resilience)
        {
            builder.AddRetry(new RetryStrategyOptions<string> { MaxRetryAttempts = 3, UseJitter = true, BackoffType = DelayBackoffType.Exponential, ShouldHandle = _ => new(false) });
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<string> { ShouldHandle = _ => new(false) });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(30) });
        return builder.Build();
    }

    private static async Task Execute(ResiliencePipeline<string> pipeline)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        Outcome<string> outcome = await pipeline.ExecuteOutcomeAsync(static (_, state) => new ValueTask<Outcome<string>>(Outcome.FromResult(state)), context, "ok");
        ResilienceContextPool.Shared.Return(context);
        GC.KeepAlive(outcome.Result);
    }

    private static async ValueTask<Outcome<string>> YieldOnce(string state)
    {
        await Task.Yield();
        return Outcome.FromResult(state);
    }

    private static async Task ExecuteYielding(ResiliencePipeline<string> pipeline)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        Outcome<string> outcome = await pipeline.ExecuteOutcomeAsync(
            static async (_, state) =>
            {
                await Task.Yield();
                return Outcome.FromResult(state);
            },
            context,
            "ok");
        ResilienceContextPool.Shared.Return(context);
        GC.KeepAlive(outcome.Result);
    }

    private static HttpResponseMessage Response(byte[] body)
    {
        HttpResponseMessage response = InMemoryHandler.Json(HttpStatusCode.OK, body);
        response.Content.Headers.ContentLength = body.Length;
        return response;
    }

    private static string? ReadResponseHeaders(HttpResponseHeaders headers)
    {
        foreach (string name in (ReadOnlySpan<string>)["Request-Id", "X-Request-Id"])
        {
            if (headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
            {
                foreach (string value in values)
                {
                    return value;
                }
            }
        }

        return headers.RetryAfter?.ToString();
    }

    /// <summary>Counts the runtime's allocation samples (one event per ~100 KB allocated) by type.</summary>
    private sealed class AllocationTickListener : EventListener
    {
        private readonly Dictionary<string, long> _bytes = [];
        private readonly object _gate = new();
        private bool _stopped;

        public Dictionary<string, long> Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                return new Dictionary<string, long>(_bytes);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick is Verbose
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            {
                return;
            }

            int typeIndex = eventData.PayloadNames!.IndexOf("TypeName");
            int amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
            string type = typeIndex >= 0 ? eventData.Payload[typeIndex] as string ?? "?" : "?";
            long amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], CultureInfo.InvariantCulture) : 100_000;
            lock (_gate)
            {
                if (!_stopped)
                {
                    _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
                }
            }
        }
    }
}
