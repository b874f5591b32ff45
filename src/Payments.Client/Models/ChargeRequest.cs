namespace Payments.Client;

/// <summary>
/// What to charge. Immutable; build it with an object initializer.
/// </summary>
/// <example>
/// <code>
/// var request = new ChargeRequest
/// {
///     Amount = Money.ToMinorUnits(25.00m, "usd"), // 2500
///     Currency = "usd",
///     CustomerId = "cus_123",
///     PaymentMethodId = "pm_456",
/// };
/// </code>
/// </example>
public sealed record ChargeRequest
{
    /// <summary>
    /// The amount in the currency's <b>smallest unit</b> (2500 = 25.00 USD, 2500 = 2,500 JPY).
    /// Use <see cref="Money.ToMinorUnits(decimal, string)"/> to convert from a decimal amount.
    /// Must be positive; the API's minimum is 50.
    /// </summary>
    public required long Amount { get; init; }

    /// <summary>ISO 4217 currency code, for example <c>usd</c>. Sent lowercase.</summary>
    public required string Currency { get; init; }

    /// <summary>The customer to charge.</summary>
    public required string CustomerId { get; init; }

    /// <summary>
    /// The payment method to charge; it must belong to the customer. Required by the v1 wire format.
    /// With <see cref="PaymentsWireFormat.Enveloped"/> it may be omitted, and the customer's vaulted
    /// default payment method is charged.
    /// </summary>
    public string? PaymentMethodId { get; init; }

    /// <summary>
    /// The key that makes this charge safe to retry (at most 255 characters). When omitted the client
    /// generates one (128 random bits) and reuses it on every retry of the call. To survive a crash of
    /// your own process, set it from something you persisted (an order id) and send it again.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>A description for your records and the customer's receipt.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Up to 20 string pairs for your records (keys at most 40 characters, values at most 500). Kept as a read-only
    /// copy that compares by content and prints as <c>{k=v, ...}</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Metadata
    {
        get => _metadata;
        init => _metadata = ReadOnlyValueDictionary<string>.From(value);
    }

    private readonly ReadOnlyValueDictionary<string>? _metadata;
}
