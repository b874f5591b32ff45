using System.Text.Json;

namespace Payments.Client.Contract;

/// <summary>
/// The one reader of a charge request: the fake reads every body through it. It tells the two formats apart by
/// the names the field table gives them (the customer, payment method or key in snake_case: v1; the customer or
/// payment method in camelCase: enveloped) and refuses what the contract does not allow (an
/// unknown or misspelt name, a mix of both formats, a string where a string is not): a server that ignored
/// those would hide a client's bug.
/// </summary>
internal static class ChargeRequestReader
{
    /// <summary>Reads <paramref name="body"/>; <paramref name="problem"/> says why it is not a charge request, naming the parameter when one is at fault.</summary>
    public static ParsedChargeRequest Read(ReadOnlySpan<byte> body, out (string Message, string? Param)? problem)
    {
        var request = new ParsedChargeRequest();
        bool sawV1 = false, sawEnveloped = false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = ("The request body must be a JSON object.", null);
                return request;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (name == WireNames.Amount.V1) ReadAmount(ref reader, request);
                else if (name == WireNames.Currency.V1) request.Currency = ReadString(ref reader, name);
                else if (name == WireNames.Description.V1) request.Description = ReadString(ref reader, name);
                else if (name == WireNames.Metadata.V1) ReadMetadata(ref reader, request);
                else if (name == WireNames.CustomerId.V1) (sawV1, request.CustomerId) = (true, ReadString(ref reader, name));
                else if (name == WireNames.PaymentMethodId.V1) (sawV1, request.PaymentMethodId) = (true, ReadString(ref reader, name));
                else if (name == WireNames.IdempotencyKey.V1) (sawV1, request.BodyIdempotencyKey) = (true, ReadString(ref reader, name));
                else if (name == WireNames.CustomerId.Enveloped) (sawEnveloped, request.CustomerId) = (true, ReadString(ref reader, name));
                else if (name == WireNames.PaymentMethodId.Enveloped) (sawEnveloped, request.PaymentMethodId) = (true, ReadString(ref reader, name));
                else
                {
                    problem = ($"Unknown parameter '{name}'.", name);
                    return request;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                problem = ("The request body is not one JSON object.", null);
                return request;
            }
        }
        catch (JsonException ex)
        {
            problem = ("The request body is not valid JSON: " + ex.Message, null);
            return request;
        }
        catch (WrongTypeException ex)
        {
            problem = ($"'{ex.Param}' must be a string.", ex.Param);
            return request;
        }

        if (sawV1 && sawEnveloped)
        {
            problem = ("The body mixes v1 (snake_case) and enveloped (camelCase) parameter names.", null);
            return request;
        }

        request.Format = sawEnveloped ? PaymentsWireFormat.Enveloped : PaymentsWireFormat.V1;
        problem = null;
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
