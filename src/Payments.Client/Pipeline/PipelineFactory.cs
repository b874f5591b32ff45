using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Payments.Client.Pipeline;

/// <summary>
/// overall timeout -> retry -> attempt timeout. The attempt itself (a fresh request each time) runs
/// inside; see <see cref="PaymentsClient"/>.
/// </summary>
internal static class PipelineFactory
{
    public static ResiliencePipeline<HttpAttempt> Create(PaymentsClientOptions options, TimeProvider time)
    {
        TimeSpan maxDelay = options.Retry.MaxDelay;
        var builder = new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = time };
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.OverallTimeout, Name = "overall" });
        if (options.Retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpAttempt>
            {
                MaxRetryAttempts = options.Retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => RetryRules.ShouldRetry(args, maxDelay, time),
                DelayGenerator = RetryRules.RetryAfterDelay,
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout, Name = "attempt" });
        return builder.Build();
    }
}
