using System.Diagnostics;

namespace Payments.Client.Mono.Tests;

/// <summary>
/// The fake API in its own .NET 10 process (tests/Mono/Payments.Client.FakeApiHost), one per test, driven by
/// line commands. Every read has a deadline; disposing closes its stdin (it exits) and kills it if it lingers.
/// </summary>
internal sealed class FakeApiProcess : IDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReplyDeadline = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private FakeApiProcess(Process process, Uri baseAddress, string apiKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    public static async Task<FakeApiProcess> StartAsync()
    {
        string host = Environment.GetEnvironmentVariable("PAYMENTS_FAKE_HOST")
            ?? throw new InvalidOperationException("PAYMENTS_FAKE_HOST is not set: point it at Payments.Client.FakeApiHost.dll (.ci/mono-test does).");
        var start = new ProcessStartInfo("dotnet", $"\"{host}\"")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        try
        {
            string ready = await ReadLineAsync(process, StartDeadline, "the fake API to start").ConfigureAwait(false);
            string[] words = ready.Split(' ');
            if (words.Length != 3 || words[0] != "ready")
            {
                throw new InvalidOperationException($"The fake API host said '{ready}' instead of 'ready <address> <key>'.");
            }

            return new FakeApiProcess(process, new Uri(words[1]), words[2]);
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Sends one command and returns its first reply line.</summary>
    public async Task<string> SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
        string reply = await ReadLineAsync(_process, ReplyDeadline, $"the reply to '{command}'").ConfigureAwait(false);
        Assert.False(reply.StartsWith("error", StringComparison.Ordinal), reply);
        return reply;
    }

    /// <summary>Reads one more reply line (for replies that span several).</summary>
    public Task<string> ReadLineAsync() => ReadLineAsync(_process, ReplyDeadline, "a further reply line");

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                Kill(_process);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<string> ReadLineAsync(Process process, TimeSpan deadline, string what)
    {
        Task<string?> line = process.StandardOutput.ReadLineAsync();
        // A deadline, not a pause: a fake host that never answers fails the test with a message instead of hanging it.
        if (await Task.WhenAny(line, Task.Delay(deadline)).ConfigureAwait(false) != line)
        {
            Kill(process);
            throw new TimeoutException($"No answer from the fake API host within {deadline.TotalSeconds} s while waiting for {what}.");
        }

        return await line.ConfigureAwait(false) ?? throw new InvalidOperationException($"The fake API host exited while waiting for {what}.");
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
