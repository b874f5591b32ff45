using System.Text;

namespace Payments.Client.Testing.Idempotency;

/// <summary>
/// "The same parameters" as the contract means it: the parsed values, not the bytes, so a retry that
/// orders its JSON differently is still the same request. The wire format counts: a replay must be
/// answered in the shape the original was.
/// </summary>
internal static class RequestFingerprint
{
    public static string Of(ParsedChargeRequest request)
    {
        var text = new StringBuilder();
        Append(text, request.Format.ToString());
        Append(text, request.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(text, request.Currency?.ToLowerInvariant());
        Append(text, request.CustomerId);
        Append(text, request.PaymentMethodId);
        Append(text, request.Description);
        if (request.Metadata is not null)
        {
            foreach (KeyValuePair<string, string> pair in request.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Append(text, pair.Key);
                Append(text, pair.Value);
            }
        }

        return text.ToString();
    }

    // Length-prefixed, so no choice of values can make two different requests look alike.
    private static void Append(StringBuilder text, string? value) =>
        text.Append(value is null ? "-1" : value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
}
