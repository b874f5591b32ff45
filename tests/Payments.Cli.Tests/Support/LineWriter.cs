namespace Payments.Cli.Tests.Support;

/// <summary>A writer that keeps complete lines and lets a test await one, with a deadline; safe across threads.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly object _gate = new();
    private readonly StringBuilder _partial = new();
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines.ToArray();
            }
        }
    }

    public override void Write(char value)
    {
        TaskCompletionSource? signal = null;
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Add(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
                signal = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            else
            {
                _partial.Append(value);
            }
        }

        signal?.TrySetResult();
    }

    /// <summary>The first line that satisfies <paramref name="match"/>, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                string? found = _lines.FirstOrDefault(match);
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No line {what} within {timeout.TotalSeconds} s. Lines so far:\n{string.Join('\n', Lines)}");
            }
        }
    }
}
