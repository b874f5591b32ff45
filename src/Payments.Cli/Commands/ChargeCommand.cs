using System.CommandLine;
using Payments.Client;
using Payments.Cli.Api;

namespace Payments.Cli.Commands;

/// <summary><c>payments charge</c>: one charge through the SDK, with its retries, against the configured API.</summary>
internal static class ChargeCommand
{
    public static Command Create(CliConsole console)
    {
        var amount = new Option<decimal>("--amount") { Description = "The amount in major units, e.g. 25.00 (converted by the currency's ISO 4217 exponent).", Required = true };
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
            long minor;
            try
            {
                minor = Money.ToMinorUnits(parse.GetValue(amount), code);
            }
            catch (ArgumentException e)
            {
                throw new CliException($"--amount: {e.Message}", ExitCodes.Usage);
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
