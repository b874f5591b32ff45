using System.Text;

namespace Payments.Client.Benchmarks;

/// <summary>The bytes the fake answers with, the same for the SDK and the hand-written baseline.</summary>
internal static class CannedApi
{
    public const string ApiKey = "sk_test_benchmark_key_0000000000";

    public static readonly byte[] Charge = Encoding.UTF8.GetBytes(
        """{"id":"ch_1234567890abcdef","object":"charge","status":"succeeded","amount":2500,"currency":"usd","customer_id":"cus_a1b2c3d4-e5f6-7890-abcd-ef1234567890","payment_method_id":"pm_12345678-abcd-efgh-ijkl-9876543210ab","created_at":"2024-01-15T10:30:00Z","failure_reason":null,"metadata":{"order_id":"ORD-2024-001"}}""");

    /// <summary>The issue-13 scenario's answer: the charge echoing the request's two metadata pairs.</summary>
    public static readonly byte[] ChargeWithMetadata = Encoding.UTF8.GetBytes(
        """{"id":"ch_1234567890abcdef","object":"charge","status":"succeeded","amount":2500,"currency":"usd","customer_id":"cus_a1b2c3d4","payment_method_id":"pm_12345678","created_at":"2024-01-15T10:30:00Z","failure_reason":null,"metadata":{"order_id":"ORD-2024-001","customer_ref":"CR-77812"}}""");

    /// <summary>
    /// What Stripe's <c>POST /v1/charges</c> answers (its documented charge object, trimmed of nothing the
    /// client must read), echoing the same two metadata pairs: the peer benchmark's server side.
    /// </summary>
    public static readonly byte[] StripeCharge = Encoding.UTF8.GetBytes(
        """{"id":"ch_3MmlLrLkdIwHu7ix0snN0B15","object":"charge","amount":2500,"amount_captured":2500,"amount_refunded":0,"application":null,"application_fee":null,"application_fee_amount":null,"balance_transaction":"txn_3MmlLrLkdIwHu7ix0uke3Ezy","billing_details":{"address":{"city":null,"country":null,"line1":null,"line2":null,"postal_code":null,"state":null},"email":null,"name":null,"phone":null},"calculated_statement_descriptor":"Stripe","captured":true,"created":1679090539,"currency":"usd","customer":"cus_a1b2c3d4","description":null,"disputed":false,"failure_balance_transaction":null,"failure_code":null,"failure_message":null,"fraud_details":{},"livemode":false,"metadata":{"order_id":"ORD-2024-001","customer_ref":"CR-77812"},"on_behalf_of":null,"outcome":{"network_status":"approved_by_network","reason":null,"risk_level":"normal","risk_score":32,"seller_message":"Payment complete.","type":"authorized"},"paid":true,"payment_intent":null,"payment_method":"pm_12345678","payment_method_details":{"card":{"brand":"visa","checks":{"address_line1_check":null,"address_postal_code_check":null,"cvc_check":null},"country":"US","exp_month":3,"exp_year":2030,"fingerprint":"Xt5EWLLDS7FJjR1c","funding":"credit","installments":null,"last4":"4242","mandate":null,"network":"visa","three_d_secure":null,"wallet":null},"type":"card"},"receipt_email":null,"receipt_number":null,"receipt_url":"https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xTTJKVGtMa2RJd0h1N2l4KOvG06AGMgZfBXyr1aw6LBa9vaaSRWU96d8qBwz9z2J_CObiV_H2-e8RezSK_sw0KISesp4czsOUlVKY","refunded":false,"review":null,"shipping":null,"source_transfer":null,"statement_descriptor":null,"statement_descriptor_suffix":null,"status":"succeeded","transfer_data":null,"transfer_group":null}""");

    public static readonly byte[] Decline = Encoding.UTF8.GetBytes(
        """{"success":false,"error":{"type":"card_error","code":"card_declined","message":"Your card has insufficient funds.","param":null,"details":null,"doc_url":"https://docs.example.com/errors/card_declined","failure_reason":"insufficient_funds"}}""");

    public static readonly byte[] RateLimited = Encoding.UTF8.GetBytes(
        """{"success":false,"error":{"type":"rate_limit_error","code":"rate_limited","message":"Too many requests.","param":null,"details":null,"doc_url":null}}""");
}
