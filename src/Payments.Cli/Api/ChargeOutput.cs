using System.Globalization;
using System.Text.Json;
using Payments.Client;
using Payments.Cli.Output;

namespace Payments.Cli.Api;

/// <summary>How a charge, and a failed call, read in a terminal and in <c>--json</c>.</summary>
internal static class ChargeOutput
{
    public static IEnumerable<string> Text(ChargeResult result, ApiTarget target)
    {
        Charge charge = result.Charge;
        yield return $"Charge {charge.Id}: {charge.Status}";
        yield return $"  amount           {Amount(charge)}";
        yield return $"  customer         {charge.CustomerId ?? "-"}";
        yield return $"  payment method   {charge.PaymentMethodId ?? "-"}";
        if (charge.FailureReason is { } reason)
        {
            yield return $"  failure reason   {reason}";
        }

        yield return $"  created          {charge.CreatedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}";
        if (result.IdempotencyKey is not null)
        {
            // Only a charge has a key; only a key can be replayed.
            yield return $"  idempotency key  {result.IdempotencyKey}{(result.Replayed ? " (replayed: the API answered with the response stored for this key)" : string.Empty)}";
        }

        yield return $"  request id       {result.RequestId ?? "-"}";
        yield return $"  attempts         {result.Attempts}";

        yield return $"  api              {target.BaseAddress}{(target.IsInProcessFake ? $" (an in-process fake: {ApiTarget.BaseAddressVariable} is not set)" : string.Empty)}";
    }

    public static string Json(ChargeResult result) => JsonText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("charge");

        // The charge as the v1 contract shows it, by the contract's one writer.
        ChargeJsonWriter.WriteCharge(writer, result.Charge, PaymentsWireFormat.V1);
        if (result.IdempotencyKey is not null)
        {
            writer.WriteString(WireNames.IdempotencyKey.V1, result.IdempotencyKey);
            writer.WriteBoolean("replayed", result.Replayed);
        }

        JsonText.WriteNullable(writer, "request_id", result.RequestId);
        writer.WriteNumber("attempts", result.Attempts);

        writer.WriteEndObject();
    });

    /// <summary>The one stderr line for a failed call: kind, status, code, the API's message, and the key to retry with.</summary>
    public static string ErrorLine(string operation, PaymentsException e)
    {
        string code = e.ErrorCode is null ? string.Empty : $" {e.ErrorCode}";
        string reason = e is CardDeclinedException { FailureReason: { } failure } ? $" ({failure})" : string.Empty;
        string status = e.StatusCode == 0 ? "no response" : $"HTTP {e.StatusCode}";
        string key = e.IdempotencyKey is null ? string.Empty : $"; idempotency key {e.IdempotencyKey} (retrying with it never charges twice)";
        string retryAfter = e.RetryAfter is { } after ? $"; Retry-After {after.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s" : string.Empty;
        return $"{operation} failed: {e.GetType().Name}, {status}{code}{reason}: {(e.ApiMessage ?? e.Message).TrimEnd('.')}{key}; request id {e.RequestId ?? "-"}, {e.Attempts} attempt(s){retryAfter}";
    }

    public static string ErrorJson(PaymentsException e) => JsonText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("kind", e.GetType().Name);
        writer.WriteNumber("status", e.StatusCode);
        JsonText.WriteNullable(writer, "type", e.ErrorType);
        JsonText.WriteNullable(writer, "code", e.ErrorCode);
        JsonText.WriteNullable(writer, "message", e.ApiMessage ?? e.Message);
        JsonText.WriteNullable(writer, "param", e.Param);
        JsonText.WriteNullable(writer, WireNames.FailureReason.V1, (e as CardDeclinedException)?.FailureReason?.ToString());
        JsonText.WriteNullable(writer, WireNames.IdempotencyKey.V1, e.IdempotencyKey);
        JsonText.WriteNullable(writer, "request_id", e.RequestId);
        writer.WriteNumber("attempts", e.Attempts);
        if (e.RetryAfter is { } after)
        {
            writer.WriteNumber("retry_after_seconds", after.TotalSeconds);
        }
        else
        {
            writer.WriteNull("retry_after_seconds");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static string Amount(Charge charge)
    {
        if (charge.Amount is not { } minor || charge.Currency is not { } currency)
        {
            return "-";
        }

        try
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Money.FromMinorUnits(minor, currency).ToString("F" + Money.GetMinorUnitDigits(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {currency} ({minor} minor units)");
        }
        catch (ArgumentException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{minor} minor units of {currency}");
        }
    }
}
