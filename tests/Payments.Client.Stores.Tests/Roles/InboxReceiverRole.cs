namespace Payments.Client.Stores.Tests.Roles;

/// <summary>
/// A merchant's webhook app in inbox mode, as the docs show it (one registration line per store). Its handler writes a
/// <c>start</c> line, works for a while, then an <c>end</c> line to a file shared with the test, so handler runs are
/// counted outside every receiver process, and a run cut by SIGKILL shows as a start without an end.
/// Prints <c>ready URL</c>; stops when its standard input closes.
/// </summary>
internal static class InboxReceiverRole
{
    public static async Task<int> RunAsync(string[] args)
    {
        (string kind, string location, string runsFile) = (args[0], args[1], args[2]);
        int handlerMs = int.Parse(args[3], CultureInfo.InvariantCulture);
        int leaseMs = int.Parse(args[4], CultureInfo.InvariantCulture);
        int holdAfter = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0;

        await using WebhookTestHost host = await WebhookTestHost.StartAsync(new WebhookTestHostOptions
        {
            Secrets = [Events.Secret],
            Logging = logging => logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning),
            Webhooks = webhooks =>
            {
                webhooks.Services.AddSingleton(new RunsFile(runsFile, TimeSpan.FromMilliseconds(handlerMs), holdAfter));
                webhooks.AddWebhookHandler<PaymentsEvent, RecordRun>();
                Action<WebhookInboxOptions> options = o =>
                {
                    o.Lease = TimeSpan.FromMilliseconds(leaseMs);
                    o.PollInterval = TimeSpan.FromMilliseconds(50);
                    o.MaxConcurrency = 8;
                };
                _ = kind == "sqlite"
                    ? webhooks.Services.AddSqliteWebhookInbox(location, options)
                    : webhooks.Services.AddPostgreSqlWebhookInbox(location, options);
            },
        });
        Console.WriteLine("ready " + host.Endpoint);

        while (await Console.In.ReadLineAsync() is not null)
        {
            // Runs until the test closes standard input.
        }

        return 0;
    }
}

/// <summary>
/// One line per handler start and end, <c>start|end EVENT PID UTC-TICKS</c>, each flushed before going on, in a file of this
/// process's own (<c>PATH.PID</c>): appends from several processes to one file can overwrite each other.
/// </summary>
internal sealed class RunsFile(string prefix, TimeSpan work, int holdAfter)
{
    private readonly object _gate = new();
    private readonly string _path = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{Environment.ProcessId}");
    private int _ended;

    public TimeSpan Work => work;

    /// <summary>
    /// Once <c>holdAfter</c> runs of this process have ended (0: never), a run that starts holds until the process is
    /// killed or stopped: a test that kills "while handlers run" then finds runs mid-way however late it looks (with
    /// 100 ms handlers the whole batch could finish between two looks on a loaded machine, and the test waited in vain).
    /// </summary>
    public bool Holds => holdAfter > 0 && Volatile.Read(ref _ended) >= holdAfter;

    public void Append(string what, string eventId)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"{what} {eventId} {Environment.ProcessId} {DateTime.UtcNow.Ticks}");
        lock (_gate)
        {
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(line);
        }

        if (what == "end")
        {
            Interlocked.Increment(ref _ended);
        }
    }
}

internal sealed class RecordRun(RunsFile file) : IPaymentsWebhookHandler<PaymentsEvent>
{
    public async Task HandleAsync(PaymentsEvent paymentsEvent, CancellationToken cancellationToken)
    {
        file.Append("start", paymentsEvent.Id);
        // The handler's own work (an ERP call), real time in a real process. A held run (RunsFile.Holds) ends only when the
        // test kills the process or its host stops and cancels the token (ChildProcess's disposal kills it, with a deadline):
        // it decides no timing outcome, it only keeps "a run mid-way" true until the test has seen it.
        await Task.Delay(file.Holds ? Timeout.InfiniteTimeSpan : file.Work, cancellationToken);
        file.Append("end", paymentsEvent.Id);
    }
}
