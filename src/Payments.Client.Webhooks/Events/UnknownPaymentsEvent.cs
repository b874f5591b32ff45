namespace Payments.Client.Webhooks;

/// <summary>An event of a type this SDK version does not know yet: verified, kept whole, never an error.</summary>
public sealed record UnknownPaymentsEvent : PaymentsEvent
{
    /// <summary>The verified body, as received.</summary>
    public required string RawJson { get; init; }
}
