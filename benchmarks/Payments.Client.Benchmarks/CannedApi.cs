using System.Text;

namespace Payments.Client.Benchmarks;

/// <summary>The bytes the fake answers with, the same for the SDK and the hand-written baseline.</summary>
internal static class CannedApi
{
    public const string ApiKey = "sk_test_benchmark_key_0000000000";

    public static readonly byte[] Charge = Encoding.UTF8.GetBytes(
        """{"id":"ch_1234567890abcdef","object":"charge","status":"succeeded","amount":2500,"currency":"usd","customer_id":"cus_a1b2c3d4-e5f6-7890-abcd-ef1234567890","payment_method_id":"pm_12345678-abcd-efgh-ijkl-9876543210ab","created_at":"2024-01-15T10:30:00Z","failure_reason":null,"metadata":{"order_id":"ORD-2024-001"}}""");

    public static readonly byte[] Decline = Encoding.UTF8.GetBytes(
        """{"success":false,"error":{"type":"card_error","code":"card_declined","message":"Your card has insufficient funds.","param":null,"details":null,"doc_url":"https://docs.example.com/errors/card_declined","failure_reason":"insufficient_funds"}}""");

    public static readonly byte[] RateLimited = Encoding.UTF8.GetBytes(
        """{"success":false,"error":{"type":"rate_limit_error","code":"rate_limited","message":"Too many requests.","param":null,"details":null,"doc_url":null}}""");
}
