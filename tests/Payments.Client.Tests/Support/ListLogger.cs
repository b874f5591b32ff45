using Microsoft.Extensions.Logging;

namespace Payments.Client.Tests.Support;

/// <summary>Captures every formatted log line, exception text included.</summary>
internal sealed class ListLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public List<string> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lock (owner.Lines)
            {
                owner.Lines.Add($"{logLevel} {category} {formatter(state, exception)} {structured} {exception}");
            }
        }
    }
}
