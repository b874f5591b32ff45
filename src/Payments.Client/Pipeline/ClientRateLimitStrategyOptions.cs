using Polly;

namespace Payments.Client.Pipeline;

/// <summary>Polly wants an options object per strategy; this one only names it.</summary>
internal sealed class ClientRateLimitStrategyOptions : ResilienceStrategyOptions
{
    public ClientRateLimitStrategyOptions() => Name = "client-rate-limit";
}
