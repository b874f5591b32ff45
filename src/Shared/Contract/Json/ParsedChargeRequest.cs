namespace Payments.Client.Contract;

/// <summary>A charge request body as sent, before any rule is applied; fields the body lacked are null.</summary>
internal sealed class ParsedChargeRequest
{
    public PaymentsWireFormat Format { get; set; }

    public long? Amount { get; set; }

    /// <summary>The amount was present but not an integer (a string, a fraction, a boolean...).</summary>
    public bool AmountNotInteger { get; set; }

    public string? Currency { get; set; }

    public string? CustomerId { get; set; }

    public string? PaymentMethodId { get; set; }

    /// <summary>The v1 body's idempotency key; the header is read separately.</summary>
    public string? BodyIdempotencyKey { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }

    /// <summary>Why the metadata is unusable as sent (not an object, a value that is not a string).</summary>
    public string? MetadataError { get; set; }
}
