namespace Payments.Cli;

/// <summary>
/// Where a command reads and writes: the process's streams and environment, or captured ones in tests.
/// Writes are serialized because the fake's request and webhook printers run side by side.
/// </summary>
internal sealed class CliConsole
{
    private readonly object _gate = new();
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public CliConsole(TextWriter output, TextWriter error, Func<Stream> openInput, Func<string, string?> environment)
    {
        _out = output;
        _error = error;
        OpenInput = openInput;
        Environment = environment;
    }

    public Func<Stream> OpenInput { get; }

    public Func<string, string?> Environment { get; }

    public TextWriter Out => _out;

    public TextWriter Error => _error;

    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, System.Environment.GetEnvironmentVariable);

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            _out.WriteLine(line);
            _out.Flush();
        }
    }

    public void WriteErrorLine(string line)
    {
        lock (_gate)
        {
            _error.WriteLine(line);
            _error.Flush();
        }
    }
}
