namespace Payments.Client.Sample.Steps;

/// <summary>One thing the sample shows.</summary>
public interface ISampleStep
{
    /// <summary>A short name for the output line.</summary>
    string Title { get; }

    /// <summary>Runs the step.</summary>
    /// <param name="cancellationToken">Stops it.</param>
    /// <returns>One sentence saying what happened.</returns>
    Task<string> RunAsync(CancellationToken cancellationToken);
}
