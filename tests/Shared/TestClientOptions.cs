namespace Payments.Client.Tests.Shared;

/// <summary>
/// The one builder of <see cref="PaymentsClientOptions"/> in the tests: a client pointed at a server, with what
/// tests vary named; a setting left out keeps the SDK's default, so a test states only what it depends on.
/// </summary>
internal static class TestClientOptions
{
    public static PaymentsClientOptions For(
        Uri baseAddress,
        string apiKey,
        PaymentsWireFormat? wireFormat = null,
        int? maxAttempts = null,
        TimeSpan? baseDelay = null,
        TimeSpan? maxDelay = null,
        TimeSpan? attemptTimeout = null,
        TimeSpan? overallTimeout = null,
        bool rateLimit = true,
        bool circuitBreaker = true)
    {
        var options = new PaymentsClientOptions { BaseAddress = baseAddress, ApiKey = apiKey };
        options.WireFormat = wireFormat ?? options.WireFormat;
        options.Retry.MaxAttempts = maxAttempts ?? options.Retry.MaxAttempts;
        options.Retry.BaseDelay = baseDelay ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = maxDelay ?? options.Retry.MaxDelay;
        options.AttemptTimeout = attemptTimeout ?? options.AttemptTimeout;
        options.OverallTimeout = overallTimeout ?? options.OverallTimeout;
        options.RateLimit.Enabled = rateLimit;
        options.CircuitBreaker.Enabled = circuitBreaker;
        return options;
    }
}
