using System.CommandLine;
using System.Globalization;
using Payments.Client;
using Payments.Cli.Api;

namespace Payments.Cli.Commands;

/// <summary><c>payments charge</c>: one charge through the SDK, with its retries, against the configured API.</summary>
internal static class ChargeCommand
{
    public static Command Create(CliConsole console)
    {
        var amount = new Option<decimal>("--amount")
        {
            Description = "The amount in major units with a dot for the decimals, e.g. 25.00 (converted by the currency's ISO 4217 exponent).",
            Required = true,

            // The machine's culture must not choose the amount: System.CommandLine reads numbers in it, so under de-DE
            // "25.50" was 2,550.00 (the dot a group separator). A comma or a group separator is refused, not guessed.
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal major))
                {
                    return major;
                }

                result.AddError($"--amount: {text} is not an amount; write major units with a dot for the decimals, e.g. 25.00.");
                return 0;
            },
        };
        var currency = new Option<string>("--currency") { Description = "An ISO 4217 code, e.g. usd.", Required = true };
        var customer = new Option<string>("--customer") { Description = "The customer id, e.g. cus_test_default.", Required = true };
        var paymentMethod = new Option<string?>("--payment-method") { Description = "The payment method id, e.g. pm_test_succeeds (v1 requires one; enveloped charges the customer's default)." };
        var key = new Option<string?>("--idempotency-key") { Description = "Reuse a key to retry a charge safely; a new one when omitted." };
        var description = new Option<string?>("--description") { Description = "A description for the charge." };
        Option<string> wireFormat = CommonOptions.WireFormat("The wire format to send: v1 (default) or enveloped.");
        Option<bool> json = CommonOptions.Json();
        var command = new Command(
            "charge",
            $"Charge through the SDK (retries, idempotency, typed errors) against {ApiTarget.BaseAddressVariable} with {ApiTarget.ApiKeyVariable}; an in-process fake API when no address is set. Retries show on stderr as they happen.")
        {
            amount, currency, customer, paymentMethod, key, description, wireFormat, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            string code = parse.GetValue(currency)!;
            decimal major = parse.GetValue(amount);

            // Refused here, in the option's terms and as typed: the client's own check would speak of
            // ChargeRequest.Amount in minor units (-500 for "-5").
            string typed = parse.GetResult(amount)?.Tokens is [var token, ..] ? token.Value : major.ToString(CultureInfo.InvariantCulture);
            if (major <= 0)
            {
                throw new CliException($"--amount: {typed} is not a positive amount (major units: 25.00 charges 25.00).", ExitCodes.Usage);
            }

            long minor;
            try
            {
                minor = Money.ToMinorUnits(major, code);
            }
            catch (ArgumentException e)
            {
                string option = e.ParamName == "currency" ? "--currency" : "--amount";
                throw new CliException($"{option}: {CliException.Sentence(e)}", ExitCodes.Usage);
            }

            var request = new ChargeRequest
            {
                Amount = minor,
                Currency = code,
                CustomerId = parse.GetValue(customer)!,
                PaymentMethodId = parse.GetValue(paymentMethod),
                IdempotencyKey = parse.GetValue(key),
                Description = parse.GetValue(description),
            };
            return ApiCall.RunAsync(
                console,
                "charge",
                parse.GetValue(wireFormat)!,
                parse.GetValue(json),
                (target, ct) => target.Client.ChargeAsync(request, ct),
                cancellationToken);
        });
        return command;
    }
}
