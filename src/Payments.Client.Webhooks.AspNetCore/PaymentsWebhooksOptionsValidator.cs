using Microsoft.Extensions.Options;

namespace Payments.Client.Webhooks.AspNetCore;

/// <summary>Refuses to start without a usable secret, naming the setting (never a secret's value).</summary>
internal sealed class PaymentsWebhooksOptionsValidator : IValidateOptions<PaymentsWebhooksOptions>
{
    // Far above any event; keeps the limit + 1 buffer arithmetic from overflowing.
    private const int MaxBodyLimit = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, PaymentsWebhooksOptions options)
    {
        var failures = new List<string>();
        if (options.Secrets is null || options.Secrets.Count == 0)
        {
            failures.Add("Payments:Webhooks:Secrets is empty; set at least one webhook signing secret.");
        }
        else if (options.Secrets.Any(string.IsNullOrEmpty))
        {
            failures.Add("Payments:Webhooks:Secrets contains an empty secret.");
        }

        if (options.MaxBodyBytes is < 1 or > MaxBodyLimit)
        {
            failures.Add($"Payments:Webhooks:MaxBodyBytes is {options.MaxBodyBytes}; it must be between 1 and {MaxBodyLimit} (64 MiB).");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add($"Payments:Webhooks:DeduplicationWindow is {options.DeduplicationWindow}; it must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
