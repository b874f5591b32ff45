using System.Threading.Channels;

namespace Payments.Client.Stores.Tests.Journal.Proofs;

/// <summary>
/// tests/JournalWorker run as its own process (a merchant worker or the fake API): its own runtime and connections,
/// sharing nothing with the test but the database, the fake's port and the files it writes. Killed with SIGKILL.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _errors = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Beside this suite's output: .../JournalWorker/bin/CONFIG/TFM/JournalWorker.dll (built first: the suite references it).</summary>
    private static string WorkerDll => Path.GetFullPath(AppContext.BaseDirectory.Replace("Payments.Client.Stores.Tests", "JournalWorker", StringComparison.Ordinal) + "JournalWorker.dll");

    public static WorkerProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("the worker process did not start"));
    }

    /// <summary>The rest of the first output line starting with <paramref name="prefix"/>; fails at the deadline.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cts.Token))
            {
                while (_lines.Reader.TryRead(out string? line))
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return line[prefix.Length..].Trim();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no '{prefix}' line from the worker within {deadline.TotalSeconds} s. Its errors:\n{Errors}");
        }

        throw new InvalidOperationException($"the worker ended without a '{prefix}' line. Its errors:\n{Errors}");
    }

    /// <summary>Every line up to (not including) <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<string>> ReadUntilAsync(string last, TimeSpan deadline)
    {
        using var cts = new CancellationTokenSource(deadline);
        var lines = new List<string>();
        while (await _lines.Reader.WaitToReadAsync(cts.Token))
        {
            while (_lines.Reader.TryRead(out string? line))
            {
                if (line == last)
                {
                    return lines;
                }

                lines.Add(line);
            }
        }

        throw new InvalidOperationException($"the worker ended before '{last}'. Its errors:\n{Errors}");
    }

    public Task SendAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10)); // a killed process is reaped at once; 10 s only on a stalled machine
        await _process.WaitForExitAsync(cts.Token);
    }

    public async Task StopAsync(TimeSpan deadline)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(cts.Token);
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
