using Microsoft.Extensions.Logging;

namespace Payments.Cli.Api;

/// <summary>
/// Shows the client's own Warning lines (a retry, with its delay and key; the circuit opening) on stderr while a
/// call waits, so a long Retry-After or backoff is visible. The final failure is left to the command's one line.
/// </summary>
internal sealed class ProgressLoggerFactory(CliConsole console) : ILoggerFactory, ILogger
{
    // The client's "call failed" event: the command reports the failure itself, once.
    private const int CallFailedEventId = 3;

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel) && eventId.Id != CallFailedEventId)
        {
            console.WriteErrorLine("payments: " + formatter(state, exception));
        }
    }
}
