namespace Payments.Cli;

/// <summary>What the tool's exit code means, so scripts can tell "you asked wrong" from "it did not work".</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The operation ran and failed: an API error, a signature that does not match, a non-2xx answer.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: unknown option, missing value, a value out of range.</summary>
    public const int Usage = 2;
}
