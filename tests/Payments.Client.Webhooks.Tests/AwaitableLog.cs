using Microsoft.Extensions.Logging;

namespace Payments.Client.Webhooks.Tests;

/// <summary>Every log line as "Level Category: message", with a way to wait for one.</summary>
internal sealed class AwaitableLog : ILoggerProvider
{
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public async Task WaitForAsync(Func<string, bool> match, TimeSpan deadline, string what)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Any(match))
            {
                return;
            }

            _waiters.Add((match, seen));
        }

        try
        {
            await seen.Task.WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No log line {what} within {deadline}. Lines:\n{string.Join('\n', Lines)}");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach ((Func<string, bool> match, TaskCompletionSource seen) in _waiters.Where(w => w.Match(line)).ToArray())
            {
                seen.TrySetResult();
            }
        }
    }

    private sealed class Logger(AwaitableLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : "\n" + exception)}");
    }
}
