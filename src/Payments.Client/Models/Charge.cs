namespace Payments.Client;

/// <summary>
/// A charge as the Payments API reports it. Immutable. Every documented field of both wire
/// formats is kept; fields a response did not carry are <see langword="null"/>.
/// Amounts are integers in the currency's smallest unit (2500 = 25.00 USD).
/// </summary>
public sealed record Charge
{
    /// <summary>Unique charge identifier (starts with <c>ch_</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The object type the API names (<c>charge</c>, or <c>payment</c> in the enveloped format).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Mirrors the API's documented 'object' field, as other payment SDKs do.")]
    public string? Object { get; init; }

    /// <summary>Where the charge stands. A <see cref="ChargeStatus.Pending"/> charge was accepted, not completed.</summary>
    public ChargeStatus Status { get; init; }

    /// <summary>Confirmed amount in minor units (cents for USD).</summary>
    public long? Amount { get; init; }

    /// <summary>Lowercase ISO 4217 currency code.</summary>
    public string? Currency { get; init; }

    /// <summary>The charged customer.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The charged payment method.</summary>
    public string? PaymentMethodId { get; init; }

    /// <summary>The description sent with the charge.</summary>
    public string? Description { get; init; }

    /// <summary>When the charge was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the charge last changed (enveloped format).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Why the charge failed; <see langword="null"/> unless <see cref="Status"/> is failed.</summary>
    public FailureReason? FailureReason { get; init; }

    /// <summary>
    /// The metadata sent with the charge. Empty when none (setting null gives empty). A value the API sent as JSON null is <see langword="null"/>.
    /// A read-only copy that compares by content (two charges with equal metadata are equal) and prints as <c>{k=v, ...}</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Metadata
    {
        get => _metadata;
        init => _metadata = ReadOnlyValueDictionary<string?>.From(value) ?? ReadOnlyValueDictionary<string?>.Empty;
    }

    /// <summary><see langword="true"/> for a live-mode charge, <see langword="false"/> for test mode.</summary>
    public bool? Livemode { get; init; }

    /// <summary>Amount before tax, in minor units (enveloped format).</summary>
    public long? AmountSubtotal { get; init; }

    /// <summary>Tax charged, in minor units (enveloped format).</summary>
    public long? TaxAmount { get; init; }

    /// <summary>Amount including tax, in minor units (enveloped format).</summary>
    public long? AmountTotal { get; init; }

    /// <summary>What kind of payment object this is, for example <c>link</c> (enveloped format).</summary>
    public string? Kind { get; init; }

    /// <summary>The payment provider that processed the charge (enveloped format).</summary>
    public string? Provider { get; init; }

    /// <summary>A hosted page for the invoice or receipt (enveloped format).</summary>
    public string? Url { get; init; }

    /// <summary>When <see cref="Url"/> stops working (enveloped format).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    private readonly ReadOnlyValueDictionary<string?> _metadata = ReadOnlyValueDictionary<string?>.Empty;
}
