namespace Payments.Client.Contract;

/// <summary>
/// The contract's field table: every name either document gives a field, in both spellings, written once.
/// The request and charge writers and readers, the fake's rules and errors and the tool all spell names from here.
/// </summary>
/// <remarks>
/// Sources: /work/shared/api-docs/004 (v1: request, charge object, webhook events) and 000 (enveloped: request,
/// <c>{ success, data | error }</c>, the tax / invoice fields); README "Response" lists the union the reader keeps.
/// </remarks>
internal static class WireNames
{
    // The charge (and the request's fields of the same name).
    public static readonly WireName Id = Same("id");
    public static readonly WireName Object = Same("object");
    public static readonly WireName Status = Same("status");
    public static readonly WireName Amount = Same("amount");
    public static readonly WireName Currency = Same("currency");
    public static readonly WireName CustomerId = new("customer_id", "customerId");
    public static readonly WireName PaymentMethodId = new("payment_method_id", "paymentMethodId");
    public static readonly WireName Description = Same("description");
    public static readonly WireName CreatedAt = new("created_at", "createdAt");
    public static readonly WireName UpdatedAt = new("updated_at", "updatedAt");
    public static readonly WireName FailureReason = new("failure_reason", "failureReason");
    public static readonly WireName Metadata = Same("metadata");
    public static readonly WireName Livemode = Same("livemode");
    public static readonly WireName AmountSubtotal = new("amount_subtotal", "amountSubtotal");
    public static readonly WireName TaxAmount = new("tax_amount", "taxAmount");
    public static readonly WireName AmountTotal = new("amount_total", "amountTotal");
    public static readonly WireName Kind = Same("kind");
    public static readonly WireName Provider = Same("provider");
    public static readonly WireName Url = Same("url");
    public static readonly WireName ExpiresAt = new("expires_at", "expiresAt");

    // The request only: the v1 body carries the key too (the enveloped one only in the header).
    public static readonly WireName IdempotencyKey = new("idempotency_key", "idempotencyKey");

    // The enveloped page's wrapper, and the error object both documents show.
    public static readonly WireName Success = Same("success");
    public static readonly WireName Data = Same("data");
    public static readonly WireName Error = Same("error");
    public static readonly WireName Type = Same("type");
    public static readonly WireName Code = Same("code");
    public static readonly WireName Message = Same("message");
    public static readonly WireName Param = Same("param");
    public static readonly WireName Details = Same("details");
    public static readonly WireName DocUrl = new("doc_url", "docUrl");
    public static readonly WireName DeclineCode = new("decline_code", "declineCode");
    public static readonly WireName ChargeId = new("charge_id", "chargeId");

    // Webhook events: the current shape's type, and the older shape's "event".
    public static readonly WireName Event = Same("event");

    /// <summary>The <c>object</c> each document gives a charge.</summary>
    public static string ObjectOf(PaymentsWireFormat format) => format == PaymentsWireFormat.V1 ? "charge" : "payment";

    private static WireName Same(string name) => new(name, name);
}
