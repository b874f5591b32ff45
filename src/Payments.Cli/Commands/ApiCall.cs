using Payments.Client;
using Payments.Cli.Api;

namespace Payments.Cli.Commands;

/// <summary>Runs one API call the way <c>charge</c> and <c>get</c> share: open the target, print the charge or the typed error.</summary>
internal static class ApiCall
{
    public static async Task<int> RunAsync(
        CliConsole console,
        string operation,
        string wireFormat,
        bool json,
        Func<ApiTarget, CancellationToken, Task<ChargeResult>> call,
        CancellationToken cancellationToken)
    {
        ApiTarget target = await ApiTarget.OpenAsync(console, wireFormat, cancellationToken).ConfigureAwait(false);
        await using (target.ConfigureAwait(false))
        {
            try
            {
                ChargeResult result = await call(target, cancellationToken).ConfigureAwait(false);
                if (json)
                {
                    console.WriteLine(ChargeOutput.Json(result));
                }
                else
                {
                    foreach (string line in ChargeOutput.Text(result, target))
                    {
                        console.WriteLine(line);
                    }
                }

                return ExitCodes.Ok;
            }
            catch (PaymentsException e)
            {
                if (json)
                {
                    console.WriteLine(ChargeOutput.ErrorJson(e));
                }

                throw new CliException(ChargeOutput.ErrorLine(operation, e));
            }
            catch (ArgumentException e)
            {
                // The client's own checks before sending (a blank id, a key with spaces): nothing was sent.
                throw new CliException(CliException.Sentence(e), ExitCodes.Usage);
            }
        }
    }
}
