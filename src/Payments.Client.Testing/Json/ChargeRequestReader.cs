using System.Text.Json;
using Payments.Client.Testing.Rules;

namespace Payments.Client.Testing.Json;

/// <summary>
/// Reads a charge body and tells the two wire formats apart by their names: <c>customer_id</c>,
/// <c>payment_method_id</c> or <c>idempotency_key</c> mean v1; <c>customerId</c> or <c>paymentMethodId</c>
/// mean enveloped. Unknown parameters are refused: a fake that ignores a misspelt name hides the bug.
/// </summary>
internal static class ChargeRequestReader
{
    public static ParsedChargeRequest Read(ReadOnlySpan<byte> body, out ApiError? error)
    {
        var request = new ParsedChargeRequest();
        bool sawV1 = false, sawEnveloped = false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = ApiErrors.Malformed("The request body must be a JSON object.");
                return request;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "amount":
                        ReadAmount(ref reader, request);
                        break;
                    case "currency":
                        request.Currency = ReadString(ref reader, name);
                        break;
                    case "description":
                        request.Description = ReadString(ref reader, name);
                        break;
                    case "metadata":
                        ReadMetadata(ref reader, request);
                        break;
                    case "customer_id":
                        sawV1 = true;
                        request.CustomerId = ReadString(ref reader, name);
                        break;
                    case "payment_method_id":
                        sawV1 = true;
                        request.PaymentMethodId = ReadString(ref reader, name);
                        break;
                    case "idempotency_key":
                        sawV1 = true;
                        request.BodyIdempotencyKey = ReadString(ref reader, name);
                        break;
                    case "customerId":
                        sawEnveloped = true;
                        request.CustomerId = ReadString(ref reader, name);
                        break;
                    case "paymentMethodId":
                        sawEnveloped = true;
                        request.PaymentMethodId = ReadString(ref reader, name);
                        break;
                    default:
                        error = ApiErrors.Malformed($"Unknown parameter '{name}'.", name);
                        return request;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = ApiErrors.Malformed("The request body is not one JSON object.");
                return request;
            }
        }
        catch (JsonException ex)
        {
            error = ApiErrors.Malformed("The request body is not valid JSON: " + ex.Message);
            return request;
        }
        catch (WrongTypeException ex)
        {
            error = ApiErrors.Malformed($"'{ex.Param}' must be a string.", ex.Param);
            return request;
        }

        if (sawV1 && sawEnveloped)
        {
            error = ApiErrors.Malformed("The body mixes v1 (snake_case) and enveloped (camelCase) parameter names.");
            return request;
        }

        request.Format = sawEnveloped ? FakeWireFormat.Enveloped : FakeWireFormat.V1;
        error = null;
        return request;
    }

    private static void ReadAmount(ref Utf8JsonReader reader, ParsedChargeRequest request)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long amount))
        {
            request.Amount = amount;
            request.AmountNotInteger = false;
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            request.AmountNotInteger = true;
            reader.Skip();
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, string param) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new WrongTypeException(param),
    };

    private static void ReadMetadata(ref Utf8JsonReader reader, ParsedChargeRequest request)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            request.MetadataError = "metadata must be an object of string keys and string values.";
            reader.Skip();
            return;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                metadata[key] = reader.GetString()!;
            }
            else
            {
                request.MetadataError ??= $"metadata['{key}'] must be a string; metadata holds strings only.";
                reader.Skip();
            }
        }

        request.Metadata = metadata;
    }

    private sealed class WrongTypeException(string param) : Exception
    {
        public string Param { get; } = param;
    }
}
