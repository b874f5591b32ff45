using Microsoft.Extensions.Logging;

namespace Payments.Client.Tests.Shared;

/// <summary>
/// The one log capture of the test projects. <see cref="Lines"/>: every line at every level, as
/// <c>{Level} {category} [{event id}] {message} | {structured state} | {exception}</c>, plus a <c>scope ...</c> line per
/// scope (the raw state is kept because a secret passed as a structured property but left out of the template
/// would still reach a JSON sink). <see cref="Messages"/>: what a console shows, <c>{Level} {category}: {message}</c>
/// and the exception on the lines after; <see cref="WaitForAsync"/> awaits one of those.
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ILoggerFactory
{
    private readonly List<(string Line, string? Message)> _entries = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    /// <summary>The lines so far, oldest first (a snapshot: safe to enumerate while the app still logs).</summary>
    public IReadOnlyList<string> Lines => Snapshot().Select(e => e.Line).ToArray();

    /// <summary>The log entries so far as a console shows them (no scopes), oldest first.</summary>
    public string[] Messages => Snapshot().Where(e => e.Message is not null).Select(e => e.Message!).ToArray();

    /// <summary>Returns once a message matching <paramref name="match"/> was logged; fails naming <paramref name="what"/> after <paramref name="deadline"/>.</summary>
    public async Task WaitForAsync(Func<string, bool> match, TimeSpan deadline, string what)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_entries)
        {
            if (_entries.Any(e => e.Message is { } message && match(message)))
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
            Assert.Fail($"No log line {what} within {deadline}. Lines:\n{string.Join('\n', Messages)}");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private (string Line, string? Message)[] Snapshot()
    {
        lock (_entries)
        {
            return [.. _entries];
        }
    }

    private void Add(string line, string? message)
    {
        lock (_entries)
        {
            _entries.Add((line, message));
            if (message is null)
            {
                return;
            }

            foreach ((Func<string, bool> match, TaskCompletionSource seen) in _waiters.Where(w => w.Match(message)).ToArray())
            {
                seen.TrySetResult();
            }
        }
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            capture.Add($"scope {category}: {Describe(state)}", null);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string message = formatter(state, exception);
            capture.Add(
                $"{logLevel} {category} [{eventId}] {message} | {Describe(state)} | {exception}",
                $"{logLevel} {category}: {message}{(exception is null ? string.Empty : "\n" + exception)}");
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : state?.ToString() ?? string.Empty;
    }
}
