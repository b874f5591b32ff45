using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Payments.Client.Tests.Shared;

/// <summary>
/// This test assembly run again as a separate process in one of the roles of its <c>Program</c>: its own runtime, its own
/// connections, sharing nothing with the test but the servers (Redis, PostgreSQL, the fake API) and the files it writes.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _errors = new();

    private ChildProcess(Process process)
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

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static ChildProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location); // the test assembly this file is compiled into
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException("the child process did not start"));
    }

    /// <summary>The first output line starting with <paramref name="prefix"/>, the rest of it; fails at the deadline.</summary>
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
            throw new TimeoutException($"no '{prefix}' line from the child process within {deadline.TotalSeconds} s. Its errors:\n{Errors}");
        }

        throw new InvalidOperationException($"the child process ended without a '{prefix}' line. Its errors:\n{Errors}");
    }

    /// <summary>The process id (what the child writes beside its work, so the test can tell processes apart).</summary>
    public int Id => _process.Id;

    /// <summary>SIGKILL (no shutdown, nothing flushed), then waits for the exit within <paramref name="deadline"/>.</summary>
    public async Task KillAsync(TimeSpan deadline)
    {
        _process.Kill();
        using var cts = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(cts.Token);
    }

    public Task SendAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Closes its input, which tells a receiver to stop, and waits for it to exit.</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }

        _process.Dispose();
    }
}
