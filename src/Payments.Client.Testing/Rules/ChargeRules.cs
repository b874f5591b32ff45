using Payments.Client.Testing.Customers;

namespace Payments.Client.Testing.Rules;

/// <summary>
/// The contract's server rules, in the order a request is checked: its own fields first (amount,
/// currency, metadata), then what they refer to (customer, payment method, ownership), then whether
/// the payment method can take the currency.
/// </summary>
internal static class ChargeRules
{
    public const long MinimumAmount = 50;
    public const int MaxMetadataPairs = 20;
    public const int MaxMetadataKeyLength = 40;
    public const int MaxMetadataValueLength = 500;

    /// <summary>Null when the charge may go ahead, with the payment method it will use.</summary>
    public static ApiError? Check(ParsedChargeRequest request, CustomerDirectory customers, out string methodId, out PaymentMethodBehavior behavior)
    {
        methodId = string.Empty;
        behavior = PaymentMethodBehavior.Succeeds;

        ApiError? error = CheckAmount(request) ?? CheckCurrency(request.Currency) ?? CheckMetadata(request);
        if (error is not null)
        {
            return error;
        }

        string customerParam = WireNames.CustomerId.In(request.Format);
        if (string.IsNullOrEmpty(request.CustomerId))
        {
            return ApiErrors.Malformed($"'{customerParam}' is required.", customerParam);
        }

        if (!customers.CustomerExists(request.CustomerId))
        {
            return ApiErrors.CustomerNotFound(request.CustomerId);
        }

        if (string.IsNullOrEmpty(request.PaymentMethodId))
        {
            if (request.Format == PaymentsWireFormat.V1)
            {
                return ApiErrors.Malformed($"'{WireNames.PaymentMethodId.V1}' is required.", WireNames.PaymentMethodId.V1);
            }

            // The enveloped contract charges the customer's vaulted default.
            string? fallback = customers.DefaultPaymentMethod(request.CustomerId);
            if (fallback is null)
            {
                return ApiErrors.PaymentMethodNotFound($"The customer '{request.CustomerId}' has no payment method to charge.");
            }

            methodId = fallback;
        }
        else
        {
            methodId = request.PaymentMethodId;
        }

        if (!customers.TryGetPaymentMethod(methodId, out string owner, out behavior))
        {
            return ApiErrors.PaymentMethodNotFound($"No payment method with id '{methodId}'.");
        }

        if (owner != request.CustomerId)
        {
            return ApiErrors.PaymentMethodMismatch(methodId, request.CustomerId);
        }

        return Currencies.IsSupported(request.Currency!) ? null : ApiErrors.CurrencyNotSupported(request.Currency!.ToLowerInvariant());
    }

    private static ApiError? CheckAmount(ParsedChargeRequest request)
    {
        if (request.AmountNotInteger)
        {
            return ApiErrors.InvalidAmount("The amount must be an integer number of minor units (2500 = 25.00 USD).");
        }

        if (request.Amount is not { } amount)
        {
            return ApiErrors.InvalidAmount("The amount is missing.");
        }

        return amount < MinimumAmount
            ? ApiErrors.InvalidAmount($"The amount must be at least {MinimumAmount} minor units; got {amount}.")
            : null;
    }

    private static ApiError? CheckCurrency(string? currency) =>
        string.IsNullOrEmpty(currency) || !Currencies.IsIso4217(currency) ? ApiErrors.InvalidCurrency(currency) : null;

    private static ApiError? CheckMetadata(ParsedChargeRequest request)
    {
        if (request.MetadataError is not null)
        {
            return ApiErrors.Metadata(request.MetadataError);
        }

        if (request.Metadata is not { } metadata)
        {
            return null;
        }

        if (metadata.Count > MaxMetadataPairs)
        {
            return ApiErrors.Metadata($"metadata has {metadata.Count} pairs; at most {MaxMetadataPairs} are allowed.");
        }

        foreach (KeyValuePair<string, string> pair in metadata)
        {
            if (pair.Key.Length is 0 or > MaxMetadataKeyLength)
            {
                return ApiErrors.Metadata($"metadata key '{pair.Key}' is {pair.Key.Length} characters; keys are 1 to {MaxMetadataKeyLength}.");
            }

            if (pair.Value.Length > MaxMetadataValueLength)
            {
                return ApiErrors.Metadata($"metadata['{pair.Key}'] is {pair.Value.Length} characters; values are at most {MaxMetadataValueLength}.");
            }
        }

        return null;
    }
}
