namespace Payments.Client;

/// <summary>
/// Settings of a <see cref="PaymentsClient"/>, bound from configuration (section <c>Payments</c> by
/// convention) or set in code. Read once when a client is built: the client itself is immutable.
/// </summary>
public sealed class PaymentsClientOptions
{
    /// <summary>The default base address of the Payments API.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.example.com/v1/");

    /// <summary>
    /// The API's base address; <c>payments/charge</c> is resolved against it. Default
    /// <c>https://api.example.com/v1/</c>. Must be <c>https</c>, except for a loopback address
    /// (the fake API in tests), because the API key travels with every request.
    /// </summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The secret API key (<c>sk_test_...</c> for test mode, <c>sk_live_...</c> for live mode). Required.
    /// Never logged, never put in an exception message or <see cref="object.ToString"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Which request body to send. Default <see cref="PaymentsWireFormat.V1"/>.</summary>
    public PaymentsWireFormat WireFormat { get; set; } = PaymentsWireFormat.V1;

    /// <summary>How failed attempts are retried.</summary>
    public PaymentsRetryOptions Retry { get; set; } = new();

    /// <summary>The client's own rate limit (on by default, at the documented limit of the key's mode).</summary>
    public PaymentsRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The circuit breaker that fails fast while the API is down (on by default).</summary>
    public PaymentsCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>How long one HTTP attempt may take, body included, before it is abandoned and retried. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a whole call may take, every attempt and wait included. Default 90 seconds. A
    /// <c>Retry-After</c> that would end past it fails fast with <see cref="RateLimitedException"/>.
    /// </summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Describes the options without the API key.</summary>
    public override string ToString() =>
        $"PaymentsClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}, WireFormat = {WireFormat}, MaxAttempts = {Retry.MaxAttempts}, AttemptTimeout = {AttemptTimeout}, OverallTimeout = {OverallTimeout} }}";
}
