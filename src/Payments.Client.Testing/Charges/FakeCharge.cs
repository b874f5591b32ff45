namespace Payments.Client.Testing;

/// <summary>
/// A charge the fake holds, as of the moment it was read (a snapshot: it does not change when the
/// charge settles; read <see cref="FakePaymentsApi.Charges"/> again).
/// </summary>
public sealed record FakeCharge
{
    /// <summary>The charge id (<c>ch_...</c>).</summary>
    public required string Id { get; init; }

    /// <summary><see cref="ChargeStatus.Pending"/>, <see cref="ChargeStatus.Succeeded"/> or <see cref="ChargeStatus.Failed"/>, as the client reports it.</summary>
    public required ChargeStatus Status { get; init; }

    /// <summary>The amount in minor units.</summary>
    public required long Amount { get; init; }

    /// <summary>The lowercase ISO 4217 code.</summary>
    public required string Currency { get; init; }

    /// <summary>The charged customer.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The charged payment method (the customer's default when an enveloped request named none).</summary>
    public required string PaymentMethodId { get; init; }

    /// <summary>The description sent, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The metadata sent; empty when none.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>Why it failed; <see langword="null"/> unless <see cref="Status"/> is <see cref="ChargeStatus.Failed"/>.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The idempotency key it was created with, if the request carried one.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The wire format of the request that created it; <c>GET</c> answers in the same one.</summary>
    public required PaymentsWireFormat WireFormat { get; init; }

    /// <summary>When it was created, on the fake's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed status, on the fake's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True while the charge waits to settle.</summary>
    public bool IsPending => Status == ChargeStatus.Pending;

    /// <summary>The charge as the contract shows it in <paramref name="format"/>, for the one charge writer.</summary>
    internal Charge ToWire(PaymentsWireFormat format) => new()
    {
        Id = Id,
        Object = WireNames.ObjectOf(format),
        Status = Status,
        Amount = Amount,
        Currency = Currency,
        CustomerId = CustomerId,
        PaymentMethodId = PaymentMethodId,
        Description = Description,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        FailureReason = FailureReason is null ? null : new FailureReason(FailureReason),
        Metadata = Metadata.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal),
        Livemode = false,

        // The fake charges no tax and makes no payment link: the enveloped page's fields keep their shape.
        Kind = "charge",
        Provider = "fake",
        AmountSubtotal = Amount,
        TaxAmount = 0,
        AmountTotal = Amount,
    };
}
