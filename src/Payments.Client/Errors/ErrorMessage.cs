using System.Globalization;
using System.Text;

namespace Payments.Client;

/// <summary>
/// The one shape of every error message: a title, then status, code, the API's message, the wait, the
/// attempts, the idempotency key and the request id. Never the API key, never a body.
/// </summary>
internal static class ErrorMessage
{
    public static string Build(string title, ErrorFacts facts, Exception? cause = null)
    {
        var text = new StringBuilder(title);
        text.Append(" (");
        text.Append(facts.StatusCode == 0 ? "no response" : $"HTTP {facts.StatusCode}");
        if (!string.IsNullOrEmpty(facts.Error?.Code)) text.Append(", ").Append(facts.Error.Code);
        if (!string.IsNullOrEmpty(facts.Error?.FailureReason)) text.Append(", ").Append(facts.Error.FailureReason);
        text.Append(')');
        if (!string.IsNullOrEmpty(facts.Error?.Message)) text.Append(": ").Append(facts.Error.Message.TrimEnd());

        // The API's message usually ends a sentence already ("The card was declined (insufficient_funds).").
        if (text[text.Length - 1] is not ('.' or '!' or '?')) text.Append('.');
        if (!string.IsNullOrEmpty(facts.Error?.Param)) text.Append(" Param: ").Append(facts.Error.Param).Append('.');
        if (facts.RetryAfter is { } wait) text.Append(" Retry after: ").Append(wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append(" s.");
        if (facts.Attempts > 1) text.Append(" Attempts: ").Append(facts.Attempts).Append('.');
        if (facts.IdempotencyKey is not null) text.Append(" Idempotency key: ").Append(facts.IdempotencyKey).Append('.');
        if (facts.RequestId is not null) text.Append(" Request id: ").Append(facts.RequestId).Append('.');
        if (cause is not null) text.Append(" Cause: ").Append(cause.Message);
        return text.ToString();
    }
}
