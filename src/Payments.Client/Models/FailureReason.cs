using System.Text.Json.Serialization;

namespace Payments.Client;

/// <summary>
/// Why a charge failed or was declined. An extensible enumeration: reasons this SDK version
/// does not know are kept as they came, so new issuer codes never break a merchant's build or parsing.
/// </summary>
[JsonConverter(typeof(FailureReasonJsonConverter))]
public readonly struct FailureReason : IEquatable<FailureReason>
{
    private readonly string? _value;

    /// <summary>Creates a reason from its wire value.</summary>
    /// <param name="value">The wire value, for example <c>insufficient_funds</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public FailureReason(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>The account does not hold enough money.</summary>
    public static FailureReason InsufficientFunds { get; } = new("insufficient_funds");

    /// <summary>The card was reported lost.</summary>
    public static FailureReason LostCard { get; } = new("lost_card");

    /// <summary>The card was reported stolen.</summary>
    public static FailureReason StolenCard { get; } = new("stolen_card");

    /// <summary>The card has expired.</summary>
    public static FailureReason ExpiredCard { get; } = new("expired_card");

    /// <summary>The issuer declined without a more specific reason.</summary>
    public static FailureReason GenericDecline { get; } = new("generic_decline");

    /// <summary>Compares two reasons by wire value, ignoring case.</summary>
    public static bool operator ==(FailureReason left, FailureReason right) => left.Equals(right);

    /// <summary>Compares two reasons by wire value, ignoring case.</summary>
    public static bool operator !=(FailureReason left, FailureReason right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FailureReason other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FailureReason other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    public override string ToString() => _value ?? string.Empty;
}
