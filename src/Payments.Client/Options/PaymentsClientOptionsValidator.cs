using Microsoft.Extensions.Options;

namespace Payments.Client;

/// <summary>Checks options before a client is built, naming the setting at fault (never its secret value).</summary>
internal sealed class PaymentsClientOptionsValidator : IValidateOptions<PaymentsClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PaymentsClientOptions options)
    {
        List<string>? failures = null;
        foreach (string failure in Check(options))
        {
            (failures ??= []).Add(string.IsNullOrEmpty(name) ? failure : $"Payments client '{name}': {failure}");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem; for clients built without DI.</summary>
    public static void ThrowIfInvalid(PaymentsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string problems = string.Join(" ", Check(options));
        if (problems.Length > 0)
        {
            throw new ArgumentException(problems, nameof(options));
        }
    }

    private static IEnumerable<string> Check(PaymentsClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return "Payments:ApiKey is missing. Set it to your secret key (sk_test_... or sk_live_...).";
        }
        else if (!IsHeaderSafe(options.ApiKey))
        {
            yield return "Payments:ApiKey contains whitespace or characters that cannot be sent in a header; check for a stray newline or quote.";
        }

        else if (options.ApiKey.StartsWith("sk_live_", StringComparison.Ordinal) && options.BaseAddress?.Scheme == Uri.UriSchemeHttp)
        {
            // A live key moves real money: it never travels unencrypted, not even to a loopback fake or proxy.
            yield return $"Payments:ApiKey is a live key (sk_live_) but Payments:BaseAddress '{options.BaseAddress}' is plain http; use a test key (sk_test_) with a local or fake API.";
        }

        if (options.BaseAddress is null)
        {
            yield return "Payments:BaseAddress is missing.";
        }
        else if (!options.BaseAddress.IsAbsoluteUri)
        {
            yield return $"Payments:BaseAddress '{options.BaseAddress}' must be an absolute URI.";
        }
        else if (options.BaseAddress.Scheme == Uri.UriSchemeHttp && !options.BaseAddress.IsLoopback)
        {
            yield return $"Payments:BaseAddress '{options.BaseAddress}' uses http:// on a non-loopback host; the API key may travel only over https.";
        }
        else if (options.BaseAddress.Scheme != Uri.UriSchemeHttps && options.BaseAddress.Scheme != Uri.UriSchemeHttp)
        {
            yield return $"Payments:BaseAddress '{options.BaseAddress}' must be an https:// address.";
        }

        if (options.WireFormat is not (PaymentsWireFormat.V1 or PaymentsWireFormat.Enveloped))
        {
            yield return $"Payments:WireFormat '{options.WireFormat}' is not a known wire format (V1 or Enveloped).";
        }

        PaymentsRetryOptions? retry = options.Retry;
        if (retry is null)
        {
            yield return "Payments:Retry is missing.";
        }
        else
        {
            if (retry.MaxAttempts is < 1 or > 10)
            {
                yield return $"Payments:Retry:MaxAttempts is {retry.MaxAttempts}; it must be between 1 and 10.";
            }

            if (retry.BaseDelay <= TimeSpan.Zero || retry.BaseDelay > TimeSpan.FromHours(1))
            {
                yield return $"Payments:Retry:BaseDelay is {retry.BaseDelay}; it must be positive and at most an hour.";
            }

            if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > TimeSpan.FromDays(1))
            {
                yield return $"Payments:Retry:MaxDelay is {retry.MaxDelay}; it must be at least BaseDelay ({retry.BaseDelay}) and at most a day.";
            }
        }

        PaymentsRateLimitOptions? rateLimit = options.RateLimit;
        if (rateLimit is null)
        {
            yield return "Payments:RateLimit is missing.";
        }
        else if (rateLimit.RequestsPerSecond < 0 || rateLimit.Burst < 0)
        {
            yield return "Payments:RateLimit:RequestsPerSecond and Payments:RateLimit:Burst must be 0 (the key mode's documented limit) or positive.";
        }

        PaymentsCircuitBreakerOptions? breaker = options.CircuitBreaker;
        if (breaker is null)
        {
            yield return "Payments:CircuitBreaker is missing.";
        }
        else if (breaker.Enabled)
        {
            if (breaker.FailureRatio is <= 0 or > 1)
            {
                yield return $"Payments:CircuitBreaker:FailureRatio is {breaker.FailureRatio}; it must be above 0 and at most 1.";
            }

            if (breaker.MinimumThroughput < 2)
            {
                yield return $"Payments:CircuitBreaker:MinimumThroughput is {breaker.MinimumThroughput}; it must be at least 2.";
            }

            if (breaker.SamplingDuration < TimeSpan.FromMilliseconds(500) || breaker.SamplingDuration > TimeSpan.FromDays(1))
            {
                yield return $"Payments:CircuitBreaker:SamplingDuration is {breaker.SamplingDuration}; it must be between 0.5 s and a day.";
            }

            if (breaker.BreakDuration < TimeSpan.FromMilliseconds(500) || breaker.BreakDuration > TimeSpan.FromDays(1))
            {
                yield return $"Payments:CircuitBreaker:BreakDuration is {breaker.BreakDuration}; it must be between 0.5 s and a day.";
            }
        }

        if (!IsTimeout(options.AttemptTimeout))
        {
            yield return $"Payments:AttemptTimeout is {options.AttemptTimeout}; it must be between 10 ms and 24 hours.";
        }

        if (!IsTimeout(options.OverallTimeout))
        {
            yield return $"Payments:OverallTimeout is {options.OverallTimeout}; it must be between 10 ms and 24 hours.";
        }
        else if (options.OverallTimeout < options.AttemptTimeout)
        {
            yield return $"Payments:OverallTimeout ({options.OverallTimeout}) is shorter than Payments:AttemptTimeout ({options.AttemptTimeout}).";
        }
    }

    // Polly's timeout strategy takes 10 ms to 24 h.
    private static bool IsTimeout(TimeSpan value) => value >= TimeSpan.FromMilliseconds(10) && value <= TimeSpan.FromHours(24);

    private static bool IsHeaderSafe(string value)
    {
        foreach (char c in value)
        {
            if (c is <= ' ' or > '~' or '"')
            {
                return false;
            }
        }

        return true;
    }
}
