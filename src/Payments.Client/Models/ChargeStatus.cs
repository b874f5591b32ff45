using System.Text.Json.Serialization;

namespace Payments.Client;

/// <summary>
/// The state of a charge. An extensible enumeration: values this SDK version does not know
/// are kept as they came (compare with <see cref="IsKnown"/>) instead of breaking parsing.
/// </summary>
[JsonConverter(typeof(ChargeStatusJsonConverter))]
public readonly struct ChargeStatus : IEquatable<ChargeStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, for example <c>succeeded</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public ChargeStatus(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>Accepted but not completed yet; the outcome arrives by webhook or <c>GET</c>.</summary>
    public static ChargeStatus Pending { get; } = new("pending");

    /// <summary>The customer was charged.</summary>
    public static ChargeStatus Succeeded { get; } = new("succeeded");

    /// <summary>The charge failed; see <see cref="Charge.FailureReason"/>.</summary>
    public static ChargeStatus Failed { get; } = new("failed");

    /// <summary>True for the states the API documents (pending, succeeded, failed).</summary>
    public bool IsKnown => this == Pending || this == Succeeded || this == Failed;

    /// <summary>True when the charge will not change any more (succeeded or failed).</summary>
    public bool IsTerminal => this == Succeeded || this == Failed;

    /// <summary>Compares two statuses by wire value, ignoring case.</summary>
    public static bool operator ==(ChargeStatus left, ChargeStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by wire value, ignoring case.</summary>
    public static bool operator !=(ChargeStatus left, ChargeStatus right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ChargeStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChargeStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    public override string ToString() => _value ?? string.Empty;
}
