namespace Payments.Cli;

/// <summary>A failure the tool reports as one line on stderr, with its exit code; never a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failed)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.Failed;

    /// <summary>An argument exception's message as one line: without .NET's "(Parameter 'x')" and "Actual value was" tails.</summary>
    public static string Sentence(ArgumentException e)
    {
        string message = e.Message.Split('\n')[0].TrimEnd();
        string tail = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && message.EndsWith(tail, StringComparison.Ordinal) ? message[..^tail.Length] : message;
    }
}
